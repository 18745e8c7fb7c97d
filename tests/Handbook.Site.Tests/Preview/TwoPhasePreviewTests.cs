namespace Handbook.Site.Tests.Preview;

using Handbook.Site.Building;
using Handbook.Site.Tests.Support;

/// <summary>
/// The preview's two phases: an edit's pages are published (and reloaded) once they are rendered, before the
/// site-wide files are made; then the rest of the build writes what else changed. The end state must be a full
/// build's, and errors must keep a broken page from being published.
/// </summary>
public sealed class TwoPhasePreviewTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string BackendPage = "job-families/engineering/backend-engineer.md";
    private const string BackendFile = "job-families/engineering/backend-engineer/index.html";
    private const string SeniorFile = "job-families/engineering/development/backend/senior/index.html";
    private const string StaffFile = "job-families/engineering/development/backend/staff/index.html";

    [Fact]
    public async Task Given_a_family_others_extend_When_it_is_edited_Then_it_and_its_extenders_are_published_first_and_the_end_state_equals_a_full_build()
    {
        await using var preview = await LivePreview.StartAsync();
        using var events = await EventStreamReader.ConnectAsync(preview.Client);

        // When a responsibility of the Senior Backend Engineer (extended by senior.md, and through it by staff) changes
        await preview.EditAsync(BackendPage, text => InsertBulletInSeniorRole(text, "Mentor two engineers a year"));
        var report = await preview.WaitForReportAsync(afterBuild: 1, r => r.ChangedFiles.Contains(BackendFile), Patience);

        // Then the edited page and the pages inheriting from it were published early, the site-wide files were not
        Assert.True(report.WasIncremental, report.FullRebuildReason);
        Assert.Contains(BackendFile, report.PublishedEarly);
        Assert.Contains(SeniorFile, report.PublishedEarly);
        Assert.Contains(StaffFile, report.PublishedEarly);
        Assert.All(report.PublishedEarly, path => Assert.EndsWith(".html", path, StringComparison.Ordinal));
        Assert.DoesNotContain("search-index.json", report.PublishedEarly);
        Assert.DoesNotContain("api/job-families.json", report.PublishedEarly);
        Assert.Contains("api/job-families.json", report.ChangedFiles);

        // And the first reload event names exactly the published pages; a later one the rest that changed (no page twice)
        var first = await events.NextEventAsync("reload", Patience);
        foreach (var url in OutputSnapshotUrls(report.PublishedEarly))
        {
            Assert.Contains($"\"{url}\"", first, StringComparison.Ordinal);
        }

        // And the output folder holds exactly what a full build of the edited input writes
        using var full = new TempFolder();
        var fullReport = await SiteBuild.RunAsync(new BuildRequest { InputFolder = preview.InputFolder, OutputFolder = full["output"], ThemeFolder = preview.ThemeFolder, History = false });
        Assert.True(fullReport.OutputWritten);
        AssertSameTree(full["output"], preview.OutputFolder);
        Assert.Empty(preview.Errors);
    }

    [Fact]
    public async Task Given_an_edit_that_breaks_a_link_When_it_is_rebuilt_Then_the_page_is_published_and_the_link_error_shows_in_the_overlay()
    {
        await using var preview = await LivePreview.StartAsync();
        using var events = await EventStreamReader.ConnectAsync(preview.Client);

        // When a page gains a link to a page that does not exist (found only by the late link check)
        await preview.EditAsync(BackendPage, text => text.Replace("### Senior Backend Engineer\n", "### Senior Backend Engineer\n\nSee [the bakery](/job-families/bakery/nowhere/).\n", StringComparison.Ordinal));
        var errors = await events.NextEventAsync("errors", Patience);
        var report = await preview.WaitForBuildAsync(2, Patience);

        // Then its page was published with the new text, the error is in the overlay, and nothing else was written
        Assert.Contains("LINK001", errors, StringComparison.Ordinal);
        Assert.Contains(BackendFile, report.PublishedEarly);
        Assert.False(report.Report.OutputWritten);
        Assert.Equal(report.PublishedEarly.Order(StringComparer.Ordinal), report.ChangedFiles);
        Assert.Contains("/job-families/bakery/nowhere/", await File.ReadAllTextAsync(Path.Combine(preview.OutputFolder, BackendFile)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_page_with_a_broken_link_When_another_page_is_edited_Then_its_link_error_is_still_reported_as_a_full_build_does()
    {
        // Given a preview whose backend page links nowhere (its own edit, rebuilt and checked)
        await using var preview = await LivePreview.StartAsync();
        await preview.EditAsync(BackendPage, text => text.Replace("### Senior Backend Engineer\n", "### Senior Backend Engineer\n\nSee [the bakery](/job-families/bakery/nowhere/).\n", StringComparison.Ordinal));
        await preview.WaitForBuildAsync(2, Patience);

        // When another page is edited (only it is checked for links again)
        await preview.EditAsync("job-families/security/security-analyst.md", text => text.Replace("Calm under pressure", "Calm and kind under pressure", StringComparison.Ordinal));
        var report = await preview.WaitForReportAsync(afterBuild: 2, r => r.ChangedFiles.Count > 0 || r.Report.Diagnostics.Count > 0, Patience);

        // Then the diagnostics are exactly a full build's: the backend page's LINK001 is still there
        using var full = new TempFolder();
        var fullReport = await SiteBuild.RunAsync(new BuildRequest { InputFolder = preview.InputFolder, OutputFolder = full["output"], ThemeFolder = preview.ThemeFolder, History = false });
        Assert.Contains(fullReport.Diagnostics, d => d.Code == "LINK001" && d.Location.Path == BackendPage);
        Assert.Equal(fullReport.Diagnostics, report.Report.Diagnostics);
        Assert.True(report.WasIncremental, report.FullRebuildReason);
    }

    [Fact]
    public async Task Given_an_edit_with_an_error_before_rendering_When_it_is_rebuilt_Then_nothing_is_published()
    {
        await using var preview = await LivePreview.StartAsync();
        var before = await File.ReadAllTextAsync(Path.Combine(preview.OutputFolder, BackendFile));

        // When the front matter of the page breaks
        await preview.EditAsync(BackendPage, text => text.Replace("title:", "title: \"", StringComparison.Ordinal));
        var report = await preview.WaitForBuildAsync(2, Patience);

        // Then no page was published early and the last good page is still served
        Assert.Contains(report.Report.Diagnostics, d => d.Severity == Pipeline.Diagnostics.Severity.Error);
        Assert.Empty(report.PublishedEarly);
        Assert.Empty(report.ChangedFiles);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(preview.OutputFolder, BackendFile)));
    }

    /// <summary>Adds a bullet before the first one of the Senior Backend Engineer role.</summary>
    private static string InsertBulletInSeniorRole(string text, string bullet)
    {
        var start = text.IndexOf("### Senior Backend Engineer\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "no Senior Backend Engineer role");
        var at = text.IndexOf("* ", start, StringComparison.Ordinal);
        return text[..at] + "* " + bullet + "\n" + text[at..];
    }

    private static IEnumerable<string> OutputSnapshotUrls(IEnumerable<string> files) => Handbook.Site.Preview.OutputSnapshot.UrlsOf(files);

    private static void AssertSameTree(string expected, string actual)
    {
        static Dictionary<string, byte[]> Read(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
        var want = Read(expected);
        var have = Read(actual);
        Assert.Equal(want.Keys.Order(StringComparer.Ordinal), have.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in want)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(have[path]), $"{path} differs from a full build's");
        }
    }
}
