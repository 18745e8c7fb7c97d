namespace Handbook.Site.Tests.Versions;

using AngleSharp.Html.Parser;
using Handbook.Site.Building;
using Handbook.Site.Tests.History;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// A version page never has the family pager (previous / next family of the department): its neighbours would be
/// today's families, not the version's. Before the seventeenth session a version taken from the current page (its
/// text equal to the current page's) kept the current page's pager while a rendered version had none, so two version
/// pages of one build looked different because of how the build got them.
/// </summary>
public sealed class VersionPagePagerTests
{
    private const string Keeper = "job-families/garden/plant-keeper.md";
    private const string Digger = "job-families/garden/digger.md";

    [Fact]
    public async Task Given_two_families_of_one_department_and_one_edited_later_When_built_with_history_Then_the_current_pages_have_the_pager_and_no_version_page_has()
    {
        // Given two families of the garden department, then a commit that edits only the digger
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants"));
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig")).Commit("Add the garden");
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill the holes")).Commit("Edit the digger");
        using var folder = new TempFolder();

        // When built with history
        var result = await SiteBuild.RunAsync(new BuildRequest { InputFolder = repo.InputFolder, OutputFolder = folder["site"], ThemeFolder = TestTheme.Folder, KeepGoing = true });

        // Then the build took one version from the current page and rendered the other (both kinds are checked),
        var (rendered, fromCache, current) = result.Versions;
        Assert.Equal((1, 0), (rendered, fromCache));
        Assert.True(current >= 1, $"expected a version taken from the current page, got {result.Versions}");

        // the current pages link their neighbour,
        Assert.NotNull(Pager(Path.Combine(folder["site"], "job-families/garden/digger/index.html")));
        Assert.NotNull(Pager(Path.Combine(folder["site"], "job-families/garden/plant-keeper/index.html")));

        // and no version page of either family has a pager
        var versionPages = Directory.GetFiles(folder["site"], "index.html", SearchOption.AllDirectories)
            .Where(f => f.Replace('\\', '/').Contains("/versions/", StringComparison.Ordinal))
            .ToList();
        Assert.True(versionPages.Count >= 2, $"expected version pages of both families, found {versionPages.Count}");
        Assert.All(versionPages, page => Assert.Null(Pager(page)));
    }

    private static AngleSharp.Dom.IElement? Pager(string file) =>
        new HtmlParser().ParseDocument(File.ReadAllText(file)).QuerySelector("nav.family-pager");
}
