namespace Handbook.Site.Tests.Versions;

using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History;
using Handbook.Site.Tests.History;

/// <summary>Builds sites from repositories made in the test (fixed author, dates, messages) with history on.</summary>
public sealed class VersionedBuildTests
{
    private const string Keeper = "job-families/garden/plant-keeper.md";
    private const string KeeperUrl = "/job-families/garden/plant-keeper/";
    private static readonly HtmlParser Html = new();

    [Fact]
    public async Task Each_version_gets_a_noindex_page_with_a_banner_and_the_history_page_lists_what_changed()
    {
        // Given a family edited twice: a responsibility added, then the grade raised from 7 to 8
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7", "8"));
        var first = repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants")).Commit("Add the plant keeper");
        var second = repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants", "Repot the cacti")).Commit("Plant keepers repot <cacti> & more");
        var third = repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Repot the cacti")).Commit("Regrade the plant keeper");

        // When the site is built
        using var build = await VersionedBuild.RunAsync(repo.InputFolder);

        // Then there is one page per version, newest the current content
        Assert.Equal(0, build.Report.ErrorCount);
        var ids = new[] { first, second, third }.Select(c => Handbook.JobFamilies.Versions.VersionId.Create(c.Committer.When, c.Sha)).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), build.VersionIds(KeeperUrl));

        // And an old version shows the page as it was, marked as such, not indexed, canonical to the current page
        var old = Html.ParseDocument(build.Read(KeeperUrl + "versions/" + ids[0] + "/"));
        Assert.Equal("noindex", old.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal("https://handbook.example.com" + KeeperUrl, old.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        var banner = old.QuerySelector(".version-banner")!;
        Assert.Contains("An earlier version", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("2022-09-01", banner.TextContent, StringComparison.Ordinal);
        Assert.Equal(KeeperUrl, banner.QuerySelector("a[href$='/plant-keeper/']")?.GetAttribute("href"));
        Assert.NotNull(banner.QuerySelector($"a[href='{KeeperUrl}history/']"));
        Assert.DoesNotContain("Repot the cacti", old.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Water the plants", old.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // And the history page names every version and calls out the grade change
        var history = Html.ParseDocument(build.Read(KeeperUrl + "history/"));
        var entries = history.QuerySelectorAll("li.version").ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains("Regrade the plant keeper", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Senior Plant Keeper: grade 7 → 8", Assert.Single(entries[0].QuerySelectorAll(".grade-changes li")).TextContent);
        Assert.Equal("Repot the cacti", entries[1].QuerySelector("li.diff-added")!.TextContent.Replace("Added:", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Contains("Plant keepers repot <cacti> & more", entries[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("First version", entries[2].TextContent, StringComparison.Ordinal);

        // And the current page says when it last changed and links its history
        var current = Html.ParseDocument(build.Read(KeeperUrl));
        var lastChanged = current.QuerySelector(".last-changed")!;
        Assert.Equal(Handbook.Site.Versions.VersionDates.Day(third.Committer.When), lastChanged.QuerySelector("time")!.TextContent);
        Assert.Equal(KeeperUrl + "history/", lastChanged.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/job-families/changes.atom", current.QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_export_lists_the_versions_and_the_feed_is_valid_atom_with_escaped_subjects()
    {
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants")).Commit("Add the plant keeper");
        var last = repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants", "Prune")).Commit("Pruning & <shaping>");

        using var build = await VersionedBuild.RunAsync(repo.InputFolder);

        using var export = System.Text.Json.JsonDocument.Parse(build.Read("/api/job-families.json"));
        var versions = export.RootElement.GetProperty("families")[0].GetProperty("versions");
        Assert.Equal(2, versions.GetArrayLength());
        Assert.Equal(last.Sha, versions[0].GetProperty("commit").GetString());
        Assert.Equal("Pruning & <shaping>", versions[0].GetProperty("subject").GetString());
        Assert.Equal(Handbook.Site.Versions.VersionDates.Iso(last.Committer.When), versions[0].GetProperty("date").GetString());
        Assert.Equal(KeeperUrl + "versions/" + versions[0].GetProperty("id").GetString() + "/", versions[0].GetProperty("url").GetString());

        var feed = XDocument.Parse(build.Read("/job-families/changes.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("Plant Keeper: Pruning & <shaping>", entries[0].Element(atom + "title")!.Value);
        Assert.Equal(Handbook.Site.Versions.VersionDates.Iso(last.Committer.When), entries[0].Element(atom + "updated")!.Value);
        Assert.StartsWith("https://handbook.example.com" + KeeperUrl + "versions/", entries[0].Element(atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);

        var recent = Html.ParseDocument(build.Read("/job-families/recent-changes/"));
        Assert.Equal(2, recent.QuerySelectorAll(".change-list > li").Length);
    }

    [Fact]
    public async Task A_whitespace_only_edit_is_folded_into_the_version_before_it()
    {
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7"));
        var first = repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants")).Commit("Add");
        var spaces = repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants").Replace("\n\n", "\n\n\n", StringComparison.Ordinal) + "   \n").Commit("Tidy blank lines");

        using var build = await VersionedBuild.RunAsync(repo.InputFolder);

        var id = Assert.Single(build.VersionIds(KeeperUrl));
        Assert.Equal(Handbook.JobFamilies.Versions.VersionId.Create(first.Committer.When, first.Sha), id);
        Assert.DoesNotContain(spaces.Sha[..7], build.Read(KeeperUrl + "history/"), StringComparison.Ordinal);
        Assert.Contains("1 whitespace-only edit since", build.Read(KeeperUrl + "history/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_uses_the_grade_table_of_its_commit_and_a_grade_missing_from_it_is_reported_on_the_history()
    {
        // Given grade 9.5 in the table when the page was written, then dropped, then the page edited still saying 9.5
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("9", "9.5", "10"));
        var before = repo.Write(Keeper, Fixtures.Family("Plant Keeper", "9.5", "Water the plants")).Commit("Add at 9.5");
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("9", "10")).Commit("Drop grade 9.5");
        var after = repo.Write(Keeper, Fixtures.Family("Plant Keeper", "9.5", "Water the plants", "Feed the fish")).Commit("Add the fish");

        using var build = await VersionedBuild.RunAsync(repo.InputFolder);

        // Then the old version resolves 9.5 (its link goes to the grade's row, with the grade's title)
        var old = Html.ParseDocument(build.Read(KeeperUrl + "versions/" + Handbook.JobFamilies.Versions.VersionId.Create(before.Committer.When, before.Sha) + "/"));
        var link = old.QuerySelector(".page-body a.grade")!;
        Assert.EndsWith("#grade-9-5", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(old.QuerySelector(".version-problem"));

        // And the newer version says 9.5 is unknown in its version (banner and history); the current page reports it
        var newer = Html.ParseDocument(build.Read(KeeperUrl + "versions/" + Handbook.JobFamilies.Versions.VersionId.Create(after.Committer.When, after.Sha) + "/"));
        Assert.Contains("9.5", newer.QuerySelector(".version-problem")!.TextContent, StringComparison.Ordinal);
        var history = Html.ParseDocument(build.Read(KeeperUrl + "history/"));
        Assert.Contains("Grade 9.5 unknown in this version", history.QuerySelectorAll("li.version")[0].QuerySelector(".version-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Null(history.QuerySelectorAll("li.version")[1].QuerySelector(".version-problem"));
        Assert.Contains(build.Report.Diagnostics, d => d.Code == "GRADE001" && d.Location.Path == Keeper);
    }

    [Fact]
    public async Task Versions_follow_a_rename_and_a_department_move()
    {
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7"));
        repo.Write("job-families/garden/plant-carer.md", Fixtures.Family("Plant Keeper", "7", "Water the plants")).Commit("Add the plant carer");
        repo.Move("job-families/garden/plant-carer.md", "job-families/garden/plant-keeper.md").Commit("Rename to plant keeper");
        repo.Write("job-families/garden/plant-keeper.md", Fixtures.Family("Plant Keeper", "7", "Water the plants", "Sweep")).Commit("Add sweeping");
        repo.Move("job-families/garden/plant-keeper.md", "job-families/estate/plant-keeper.md").Commit("Move to the estate department");

        using var build = await VersionedBuild.RunAsync(repo.InputFolder);

        const string url = "/job-families/estate/plant-keeper/";
        Assert.Equal(2, build.VersionIds(url).Count);
        Assert.Empty(build.VersionIds(KeeperUrl));
        Assert.Equal(2, Html.ParseDocument(build.Read(url + "history/")).QuerySelectorAll("li.version").Length);
        Assert.Contains("Sweep", Html.ParseDocument(build.Read(url + "history/")).QuerySelector("li.diff-added")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_merged_from_a_branch_is_one_version_at_the_branch_commit()
    {
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants")).Commit("Add");
        var main = repo.MainBranch;
        repo.Branch("feature");
        var onBranch = repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants", "Label the seeds")).Commit("Label seeds");
        repo.Checkout(main);
        repo.Write("job-families/garden/other.md", Fixtures.Family("Other", "7", "Something")).Commit("Unrelated");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants", "Label the seeds"));
        repo.MergeCommit("Merge branch 'feature'", onBranch);

        using var build = await VersionedBuild.RunAsync(repo.InputFolder);

        var ids = build.VersionIds(KeeperUrl);
        Assert.Equal(2, ids.Count);
        Assert.Contains(Handbook.JobFamilies.Versions.VersionId.Create(onBranch.Committer.When, onBranch.Sha), ids);
    }

    [Fact]
    public async Task Settings_limit_the_versions_and_link_commits_to_the_repository()
    {
        // Given four versions and settings: at most two versions per family, commits on a GitLab instance
        using var repo = new TestRepository();
        repo.Write("settings.yml", "history:\n  max_versions: 2\nrepository_url: https://gitlab.example.com/garden/handbook\n");
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "One")).Commit("First");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "One", "Two")).Commit("Second");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "One", "Two", "Three")).Commit("Third");
        var last = repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "One", "Two", "Three", "Four")).Commit("Fourth");

        using var build = await VersionedBuild.RunAsync(repo.InputFolder);

        // Then only the two newest versions are published, and the newest links its commit
        Assert.Equal(2, build.VersionIds(KeeperUrl).Count);
        var history = Html.ParseDocument(build.Read(KeeperUrl + "history/"));
        Assert.Equal(2, history.QuerySelectorAll("li.version").Length);
        Assert.Equal("https://gitlab.example.com/garden/handbook/-/commit/" + last.Sha, history.QuerySelector("li.version .version-commit a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_bad_settings_file_is_reported_and_the_defaults_are_used()
    {
        using var repo = new TestRepository();
        repo.Write("settings.yml", "history:\n  max_versions: 0\n");
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "One")).Commit("First");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "One", "Two")).Commit("Second");

        using var build = await VersionedBuild.RunAsync(repo.InputFolder);

        var problem = Assert.Single(build.Report.Diagnostics, d => d.Code.StartsWith("SET", StringComparison.Ordinal));
        Assert.Equal(("SET005", "settings.yml"), (problem.Code, problem.Location.Path));
        Assert.Equal(2, build.VersionIds(KeeperUrl).Count);
    }

    [Fact]
    public async Task Two_builds_of_one_repository_are_byte_identical()
    {
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7", "8"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants")).Commit("Add");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune")).Commit("Change");

        using var first = await VersionedBuild.RunAsync(repo.InputFolder);
        using var second = await VersionedBuild.RunAsync(repo.InputFolder);

        var files = Directory.EnumerateFiles(first.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first.Output, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.EnumerateFiles(second.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second.Output, f)).Order(StringComparer.Ordinal));
        Assert.Contains(files, f => f.Contains("versions", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first.Output, f)), File.ReadAllBytes(Path.Combine(second.Output, f))));
    }

    [Fact]
    public async Task Without_history_there_are_no_version_pages_no_feed_and_no_versions_in_the_export()
    {
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants")).Commit("Add");

        using var build = await VersionedBuild.RunAsync(repo.InputFolder, history: false);

        Assert.Empty(build.VersionIds(KeeperUrl));
        Assert.False(build.Exists("/job-families/changes.atom"));
        Assert.False(build.Exists(KeeperUrl + "history/"));
        Assert.DoesNotContain("last-changed", build.Read(KeeperUrl), StringComparison.Ordinal);
        Assert.DoesNotContain("application/atom+xml", build.Read(KeeperUrl), StringComparison.Ordinal);
        Assert.DoesNotContain("\"versions\"", build.Read("/api/job-families.json"), StringComparison.Ordinal);
        Assert.DoesNotContain(build.Report.Diagnostics, d => d.Code.StartsWith("HIST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outside_a_repository_the_build_succeeds_and_says_so_once()
    {
        using var folder = new Support.TempFolder();
        folder.Write("input/" + Fixtures.GradesPath, Fixtures.Grades("7"));
        folder.Write("input/" + Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants"));

        using var build = await VersionedBuild.RunAsync(folder["input"]);

        Assert.True(build.Report.OutputWritten);
        var said = Assert.Single(build.Report.Diagnostics, d => d.Code.StartsWith("HIST", StringComparison.Ordinal));
        Assert.Equal((HistoryCodes.NoRepository, Severity.Info), (said.Code, said.Severity));
        Assert.True(build.Exists(KeeperUrl));
        Assert.Empty(build.VersionIds(KeeperUrl));
    }
}
