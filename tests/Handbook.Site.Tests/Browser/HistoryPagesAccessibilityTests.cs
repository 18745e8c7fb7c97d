namespace Handbook.Site.Tests.Browser;

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Handbook.Site.Building;
using Handbook.Site.Preview;
using Handbook.Site.Tests.History;
using Handbook.Site.Tests.Versions;
using Handbook.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

/// <summary>
/// axe-core on the pages that only exist with git history (issue 10 asks for the history page): a repository made in
/// the test with three versions of one family, built with history, served, audited in Chromium.
/// </summary>
public sealed class HistoryPagesAccessibilityTests(ITestOutputHelper output)
{
    private const string Family = "job-families/garden/digger.md";

    [BrowserFact]
    public async Task Given_a_family_with_versions_When_axe_audits_its_history_a_version_and_recent_changes_Then_nothing_is_serious()
    {
        // Given a family edited twice, with a grade change, built with history and the repository's theme
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7", "8"));
        repo.Write(Family, Fixtures.Family("Digger", "7", "Dig")).Commit("Add the digger");
        repo.Write(Family, Fixtures.Family("Digger", "7", "Dig", "Fill")).Commit("Diggers fill too");
        repo.Write(Family, Fixtures.Family("Digger", "8", "Dig", "Fill", "Plant")).Commit("Diggers plant, at grade 8");
        var outputFolder = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-output");
        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = repo.InputFolder,
            OutputFolder = outputFolder,
            ThemeFolder = Path.Combine(SharedCorpus.RepositoryRoot, "theme"),
        });
        Assert.True(report.OutputWritten, string.Join("\n", report.Diagnostics));
        var version = Directory.GetDirectories(Path.Combine(outputFolder, "job-families", "garden", "digger", "versions")).Order(StringComparer.Ordinal).First();

        await using var server = await PreviewServer.StartAsync(new PreviewOptions { OutputFolder = outputFolder, Port = 0 });
        await using var browser = await Chromium.LaunchAsync();
        var blocking = new List<string>();
        foreach (var path in new[] { "/job-families/garden/digger/history/", $"/job-families/garden/digger/versions/{Path.GetFileName(version)}/", "/job-families/recent-changes/" })
        {
            // When axe audits the page
            var page = await browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var response = await page.GotoAsync(new Uri(server.Url, path).ToString());
            Assert.Equal(200, response?.Status);
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
            output.WriteLine($"{path}: {result.Violations.Length} violation(s), {result.Passes.Length} rule(s) passed");
            blocking.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{path}: {v.Impact} {v.Id}: {v.Help}"));
            await page.Context.CloseAsync();
        }

        // Then none of them has a serious or critical violation
        Assert.True(blocking.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", blocking));
        Directory.Delete(outputFolder, recursive: true);
    }
}
