namespace Handbook.Site.Tests.Building;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Building;
using Handbook.Site.Tests.History;
using Handbook.Site.Tests.Support;

/// <summary>
/// <see cref="SiteBuild.RunAsync"/> loads the theme on another thread while it reads the git history: a theme that
/// fails to load must still end the build with the theme's diagnostics alone and nothing written, with or without a
/// cache, and a good theme must give the same versioned build as before.
/// </summary>
public class ThemeLoadWithHistoryTests
{
    private const string Page = "---\ntitle: Payroll\ndepartment: Finance\n---\n\n## Payroll Specialist\n\n### Responsibilities\n\n- Runs the payroll.\n";

    private static TempFolder CopyOfTheTheme()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(TestTheme.Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder["theme"], Path.GetRelativePath(TestTheme.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    private static BuildRequest Request(TestRepository repo, TempFolder folder, string? cache) => new()
    {
        InputFolder = repo.InputFolder,
        OutputFolder = folder["output"],
        ThemeFolder = folder["theme"],
        CacheFolder = cache,
        History = true,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Given_a_git_history_and_a_template_with_a_syntax_error_When_built_Then_only_THEME002_is_reported_and_nothing_is_written(bool withCache)
    {
        using var repo = new TestRepository();
        repo.Write("job-families/finance/payroll.md", Page).Commit("Add payroll");
        using var folder = CopyOfTheTheme();
        File.WriteAllText(Path.Combine(folder["theme"], "404.liquid"), "{% if %}");

        var report = await SiteBuild.RunAsync(Request(repo, folder, withCache ? folder["cache"] : null));

        var error = Assert.Single(report.Diagnostics);
        Assert.Equal(("THEME002", Severity.Error), (error.Code, error.Severity));
        Assert.False(report.OutputWritten);
        Assert.False(Directory.Exists(folder["output"]));
    }

    [Fact]
    public async Task Given_a_git_history_and_a_good_theme_When_built_Then_the_family_and_its_history_page_are_written()
    {
        using var repo = new TestRepository();
        repo.Write("job-families/finance/payroll.md", Page).Commit("Add payroll");
        using var folder = CopyOfTheTheme();

        var report = await SiteBuild.RunAsync(Request(repo, folder, cache: null));

        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.True(report.OutputWritten);
        Assert.True(File.Exists(Path.Combine(folder["output"], "job-families", "finance", "payroll", "index.html")));
        Assert.True(File.Exists(Path.Combine(folder["output"], "job-families", "finance", "payroll", "history", "index.html")));
    }
}
