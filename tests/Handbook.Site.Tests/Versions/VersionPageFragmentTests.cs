namespace Handbook.Site.Tests.Versions;

using Handbook.Site.Building;
using Handbook.Site.Tests.History;
using Handbook.Site.Tests.Support;

/// <summary>
/// A version page places the family's HTML (<c>job-family.liquid</c> rendered for the version) from a reused buffer
/// instead of a string per page (issue 9). The oracle is the theme as it was, which filtered it through <c>| raw</c>
/// (a string copy): both must write the same bytes, so custom themes that still say <c>| raw</c> are unaffected.
/// </summary>
public sealed class VersionPageFragmentTests
{
    private const string Keeper = "job-families/garden/plant-keeper.md";
    private const string Digger = "job-families/garden/digger.md";

    [Fact]
    public async Task Given_a_theme_that_filters_the_family_html_through_raw_When_versions_are_built_Then_the_pages_are_the_same_as_with_the_buffer()
    {
        // Given a repository with several versions of two pages (one with markup that must not be escaped)
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7", "8"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants & the <em>trees</em>"));
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig")).Commit("Add the garden");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune")).Commit("Regrade");
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill")).Commit("Diggers fill holes too");
        using var folder = new TempFolder();

        // ...and a copy of the theme whose version template still copies the family's HTML through `| raw`
        var oldTheme = folder["old-theme"];
        FolderCopy.Copy(TestTheme.Folder, oldTheme);
        var template = Path.Combine(oldTheme, "job-family-version.liquid");
        var text = File.ReadAllText(template);
        Assert.Contains("{{ family_html }}", text, StringComparison.Ordinal);
        File.WriteAllText(template, text.Replace("{{ family_html }}", "{{ family_html | raw }}", StringComparison.Ordinal));

        // When the repository is built with each theme
        var current = await BuildAsync(repo.InputFolder, TestTheme.Folder, folder["current"]);
        var old = await BuildAsync(repo.InputFolder, oldTheme, folder["old"]);

        // Then every page is the same, and the version pages show the family's HTML unescaped
        Assert.Equal(old.Keys.Order(StringComparer.Ordinal), current.Keys.Order(StringComparer.Ordinal));
        var versionPages = current.Keys.Where(k => k.Contains("/versions/", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, versionPages.Count);
        foreach (var (path, html) in old)
        {
            Assert.Equal(html, current[path]);
        }

        Assert.All(versionPages, p => Assert.Contains("<h3 id=\"senior-", current[p], StringComparison.Ordinal));
    }

    private static async Task<Dictionary<string, string>> BuildAsync(string input, string theme, string output)
    {
        var report = await SiteBuild.RunAsync(new BuildRequest { InputFolder = input, OutputFolder = output, ThemeFolder = theme, KeepGoing = true });
        Assert.True(report.OutputWritten, string.Join("\n", report.Diagnostics));
        return Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
    }
}
