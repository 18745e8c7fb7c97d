namespace Handbook.Site.Tests.Versions;

using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History;
using Handbook.Site.History.Settings;
using Handbook.Site.Tests.History;
using Xunit.Abstractions;

/// <summary>
/// The versioned site built from upstream's real history (92 commits, REPLAY.tsv), with grade data imported by our
/// own import-grades from the calculator page of each commit.
/// </summary>
[Collection(ReplayedSite.Collection)]
public sealed partial class ReplayedVersionsTests(ReplayedSite site, ITestOutputHelper output)
{
    private const string ManagerUrl = "/job-families/marketing/product-marketing-manager/";
    private const string ManagementUrl = "/job-families/marketing/product-marketing-management/";
    private static readonly HtmlParser Html = new();

    [ReplayFact]
    public async Task Every_page_change_of_the_real_history_has_a_version_page_or_is_folded_for_whitespace()
    {
        // Given the replayed history built with versions
        var report = await site.Build;
        output.WriteLine(site.Log);
        var diagnostics = new DiagnosticBag();
        using var found = VersionDiscovery.Discover(site.Repository, HistorySettings.Default, diagnostics);
        var plan = File.ReadLines(ReplayFactAttribute.ReplayPlan).Skip(1).Select(l => l.Split('\t'))
            .Select(f => (Order: int.Parse(f[0], CultureInfo.InvariantCulture), Op: f[4], Path: f[5])).ToList();
        var orders = plan.Select(r => r.Order).Distinct().ToList();

        // When every added or modified page of the plan is looked up among the families' versions
        var pages = 0;
        var folded = 0;
        var deleted = 0;
        var departments = 0;
        foreach (var row in plan.Where(r => r.Op != "D" && r.Path.StartsWith("job-families/", StringComparison.Ordinal)))
        {
            var commit = site.CommitsOldestFirst[orders.IndexOf(row.Order)];
            var owner = found.Families.FirstOrDefault(f => f.Versions.Any(v => Matches(v, commit.Sha, row.Path) || v.Folded.Any(x => Matches(x.Version, commit.Sha, row.Path))));
            if (owner is null)
            {
                // Only a page that is gone at HEAD (deleted, not renamed) has no versions.
                Assert.False(File.Exists(Path.Combine(site.Repository, row.Path)), row.Path + " at " + commit.Sha + " has no version");
                deleted++;
                continue;
            }

            if (IsDepartmentIndex(owner.CurrentPath))
            {
                // Department index pages are not job families: they get no version pages (documented).
                Assert.False(Directory.Exists(Path.Combine(site.Output, FamilyUrl(owner.CurrentPath).Trim('/'), "versions")));
                departments++;
                continue;
            }

            var url = FamilyUrl(owner.CurrentPath);
            var version = owner.Versions.FirstOrDefault(v => Matches(v, commit.Sha, row.Path));
            if (version is not null)
            {
                // Then a published version has its page, and it is listed on the family's history page
                Assert.True(site.Exists(url + "versions/" + version.Id + "/"), $"no page for {version.Id} of {url}");
                Assert.Contains("id=\"version-" + version.Id + "\"", site.Read(url + "history/"), StringComparison.Ordinal);
                pages++;
                continue;
            }

            // Or it was folded into the version before it, and only whitespace differs
            var into = owner.Versions.Single(v => v.Folded.Any(x => Matches(x.Version, commit.Sha, row.Path)));
            var fold = into.Folded.Single(x => Matches(x.Version, commit.Sha, row.Path));
            Assert.Equal("whitespace-only change", fold.Reason);
            Assert.Equal(WithoutWhitespace(found.ReadPage(into)!), WithoutWhitespace(found.ReadPage(fold.Version)!));
            folded++;
        }

        output.WriteLine($"{pages} page changes have a version page, {folded} were folded (whitespace only), {deleted} belong to pages deleted before HEAD, {departments} to department index pages");
        Assert.True(pages > 150, $"only {pages} version pages checked");
        Assert.DoesNotContain(report.Diagnostics, d => d.Code.StartsWith("INTERNAL", StringComparison.Ordinal));
    }

    [ReplayFact]
    public async Task The_september_2022_regrade_of_product_marketing_shows_as_grade_changes_on_its_history_page()
    {
        await site.Build;
        output.WriteLine(site.Log);

        var history = Html.ParseDocument(site.Read(ManagerUrl + "history/"));
        var regrade = history.QuerySelectorAll("li.version").Single(v => v.QuerySelector("time")!.TextContent == "2022-09-19");

        var changes = regrade.QuerySelectorAll(".grade-changes li").Select(li => li.TextContent).ToList();
        Assert.Contains("Product Marketing Manager: grade 8 → 7", changes);
        Assert.Contains("Senior Product Marketing Manager: grade 9 → 8", changes);
        Assert.Contains("Principal Product Marketing Manager: grade 9.5 → 9", changes);
    }

    [ReplayFact]
    public async Task The_2022_08_12_version_resolves_grade_9_5_and_the_2022_09_23_page_still_saying_9_5_is_reported()
    {
        var report = await site.Build;
        output.WriteLine(site.Log);

        // The first version of product-marketing-manager, rendered with the grade table of its commit (9.5 existed)
        var manager = Html.ParseDocument(site.Read(ManagerUrl + "history/"));
        var firstUrl = manager.QuerySelectorAll("li.version").Single(v => v.QuerySelector("time")!.TextContent == "2022-08-12").QuerySelector("h2 a")!.GetAttribute("href")!;
        var first = Html.ParseDocument(site.Read(firstUrl));
        var links = first.QuerySelectorAll(".page-body a.grade").Where(a => a.TextContent.Contains("9.5", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.EndsWith("#grade-9-5", link.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains(links, link => (link.GetAttribute("title") ?? string.Empty).StartsWith("Grade 9.5:", StringComparison.Ordinal));
        Assert.Null(first.QuerySelector(".version-problem"));

        // product-marketing-management, added on 2022-09-23 (after 9.5 was dropped) still says 9.5: reported on its
        // version and history pages, and as GRADE001 for the current page (which is that version)
        var management = Html.ParseDocument(site.Read(ManagementUrl + "history/"));
        var added = management.QuerySelectorAll("li.version").Single(v => v.QuerySelector("time")!.TextContent == "2022-09-23");
        Assert.Contains("Grade 9.5 unknown in this version", added.QuerySelector(".version-problem")!.TextContent, StringComparison.Ordinal);
        var version = Html.ParseDocument(site.Read(added.QuerySelector("h2 a")!.GetAttribute("href")!));
        Assert.Contains("9.5", version.QuerySelector(".version-banner .version-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(report.Diagnostics, d => d.Code == "GRADE001" && d.Location.Path.Contains("product-marketing-management", StringComparison.Ordinal) && d.Message.Contains("9.5", StringComparison.Ordinal));
    }

    private static bool Matches(PageVersion version, string sha, string path) =>
        version.CommitSha == sha && version.PathAtCommit == path;

    private static string FamilyUrl(string currentPath) =>
        Handbook.JobFamilies.Parsing.FamilyPath.TryParse(currentPath, out var info) ? info.Url : throw new InvalidOperationException(currentPath);

    private static bool IsDepartmentIndex(string currentPath) =>
        Handbook.JobFamilies.Parsing.FamilyPath.TryParse(currentPath, out var info) && info.IsDepartmentIndex;

    private static string WithoutWhitespace(string text) => Whitespace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
