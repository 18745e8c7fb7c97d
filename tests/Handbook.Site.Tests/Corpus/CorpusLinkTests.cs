namespace Handbook.Site.Tests.Corpus;

using ApprovalTests;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// <c>check</c> over the 171 real pages with GitLab's real redirect data. Each finding below was reviewed by hand
/// against the page (README "Links, anchors and redirects" → "On the real pages"): they are defects of the pages or
/// of the redirect data (pages missing from the snapshot count as missing), not of the checker.
/// </summary>
public class CorpusLinkTests(ITestOutputHelper output)
{
    [CorpusFact]
    public async Task Given_the_real_pages_and_redirects_When_checked_Then_known_defects_are_reported_and_counts_match_the_snapshot()
    {
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);
        folder.Write("input/data/redirects.yml", File.ReadAllText(SharedCorpus.PathOf("gitlab-site-data/redirects.yml")));

        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = folder["input"],
            OutputFolder = folder["output"],
            ThemeFolder = TestTheme.Folder,
            WriteOutput = false,
        });
        var links = report.Diagnostics.Where(d => d.Code.StartsWith("LINK", StringComparison.Ordinal) || d.Code.StartsWith("REDIR", StringComparison.Ordinal)).ToList();
        foreach (var diagnostic in links)
        {
            output.WriteLine(diagnostic.Format());
        }

        // Mixed-case anchors written against kramdown's lower-case ids (REPORT.md §7).
        AssertReported(links, "LINK005", "job-families/finance/internal-audit/index.html.md:13:", "#Internal-Auditor", "write '#internal-auditor'");
        AssertReported(links, "LINK005", "job-families/engineering/engineering-management-quality/index.html.md:82:", "#manager-quality-Engineering", "#manager-quality-engineering");
        // Anchors that exist nowhere on the page.
        AssertReported(links, "LINK004", "job-families/engineering/application-security/index.html.md:146:", "#main_requirements", null);
        AssertReported(links, "LINK004", "job-families/marketing/community-programs/index.html.md:72:", "#specialties/##gitlab-for-education/", null);
        // A relative link that lost its '#': the hint names the anchor on the same page.
        AssertReported(links, "LINK001", "job-families/sales/professional-services-architect/index.html.md:16:", "'technical-architect'", "did you mean '#technical-architect'?");
        // Pages that do not exist (in the snapshot or at all), and a missing trailing slash.
        AssertReported(links, "LINK001", "job-families/engineering/development/backend/senior/index.html.md:41:", "/job-families/engineering/development/backend/intermediate/", null);
        AssertReported(links, "LINK001", "job-families/engineering/development/management/senior-manager/index.html.md:104:", "Mermaid click target", null);
        AssertReported(links, "LINK002", "job-families/engineering/engineering-management/index.html.md:61:", "/job-families/engineering/development/frontend#staff-frontend-engineer", "/job-families/engineering/development/frontend/#staff-frontend-engineer");
        // A link into a redirect whose target page is gone, and the redirect data's own defects.
        AssertReported(links, "LINK006", "job-families/marketing/product-marketing-management/index.html.md:315:", "vice-president-of-product-marketing", null);
        AssertReported(links, "REDIR005", "data/redirects.yml:3333:", "job-families/marketing/marketing-frontend-engineer", null);

        // Links that went through redirects.yml to existing pages are not reported (REPORT.md §7: 9 such links).
        Assert.DoesNotContain(links, d => d.Message.Contains("'/job-families/engineering/frontend-engineer'", StringComparison.Ordinal));
        // Links to the wider handbook are never judged.
        Assert.DoesNotContain(links, d => d.Message.Contains("'/handbook/hiring/", StringComparison.Ordinal) || d.Message.Contains("'/company/", StringComparison.Ordinal));

        var counts = links.GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.First().SeverityText} {g.Count()}");
        Approvals.Verify(string.Join("\n", counts) + "\n");
    }

    private static void AssertReported(List<Diagnostic> diagnostics, string code, string locationPrefix, string inMessage, string? inHint)
    {
        Assert.Contains(diagnostics, d => d.Code == code
            && d.Location.ToString().StartsWith(locationPrefix, StringComparison.Ordinal)
            && d.Message.Contains(inMessage, StringComparison.Ordinal)
            && (inHint is null || (d.Hint?.Contains(inHint, StringComparison.Ordinal) ?? false)));
    }
}
