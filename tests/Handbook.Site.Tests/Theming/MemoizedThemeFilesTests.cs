namespace Handbook.Site.Tests.Theming;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;
using Microsoft.Extensions.FileProviders;

/// <summary>
/// Issue 9: a theme's partials are looked up on disk once per <see cref="Theme"/> (<see cref="MemoizedThemeFiles"/>)
/// instead of on every <c>{% include %}</c>. What a lookup reports is what the folder's physical provider reports (the
/// oracle); later lookups of the same path do not go to the disk; a new theme sees the files as they are now.
/// </summary>
public class MemoizedThemeFilesTests
{
    [Fact]
    public void Given_a_partial_and_a_missing_path_When_looked_up_Then_each_reads_as_the_physical_provider_reports_it()
    {
        // Given a theme folder with one partial
        using var folder = new TempFolder();
        folder.Write("t/partials/box.liquid", "<div>{{ page.title }}</div>\n");
        using var physical = new PhysicalFileProvider(folder["t"]);
        var memoized = new MemoizedThemeFiles(new PhysicalFileProvider(folder["t"]));

        foreach (var path in new[] { "partials/box.liquid", "partials/none.liquid", "partials" })
        {
            // When the path is looked up (twice)
            var first = memoized.GetFileInfo(path);
            var second = memoized.GetFileInfo(path);

            // Then both say what the physical provider says
            var expected = physical.GetFileInfo(path);
            foreach (var actual in new[] { first, second })
            {
                Assert.Equal(expected.Exists, actual.Exists);
                Assert.Equal(expected.Name, actual.Name);
                Assert.Equal(expected.PhysicalPath, actual.PhysicalPath);
                Assert.Equal(expected.LastModified, actual.LastModified);
                Assert.Equal(expected.IsDirectory, actual.IsDirectory);
                Assert.Equal(expected.Exists ? expected.Length : -1, actual.Length);
            }
        }

        // And the partial's content is the file's bytes; a missing file cannot be opened, as with the physical provider
        using (var stream = memoized.GetFileInfo("partials/box.liquid").CreateReadStream())
        using (var reader = new StreamReader(stream))
        {
            Assert.Equal("<div>{{ page.title }}</div>\n", reader.ReadToEnd());
        }

        Assert.ThrowsAny<FileNotFoundException>(() => physical.GetFileInfo("partials/none.liquid").CreateReadStream());
        Assert.ThrowsAny<FileNotFoundException>(() => memoized.GetFileInfo("partials/none.liquid").CreateReadStream());
    }

    [Fact]
    public void Given_a_partial_looked_up_once_When_it_is_deleted_Then_later_lookups_give_the_first_answer_without_asking_the_disk()
    {
        // Given a partial that was looked up once, and a path that was missing when looked up
        using var folder = new TempFolder();
        folder.Write("t/partials/box.liquid", "<div>box</div>");
        var memoized = new MemoizedThemeFiles(new PhysicalFileProvider(folder["t"]));
        var first = memoized.GetFileInfo("partials/box.liquid");
        Assert.False(memoized.GetFileInfo("partials/later.liquid").Exists);

        // When the partial is deleted and the missing one is created
        File.Delete(Path.Combine(folder["t"], "partials", "box.liquid"));
        folder.Write("t/partials/later.liquid", "<div>later</div>");

        // Then the lookups still give what the disk said first: the same snapshot, not a new look at the folder
        var again = memoized.GetFileInfo("partials/box.liquid");
        Assert.Same(first, again);
        Assert.True(again.Exists);
        Assert.False(memoized.GetFileInfo("partials/later.liquid").Exists);
        Assert.True(new PhysicalFileProvider(folder["t"]).GetFileInfo("partials/later.liquid").Exists);
    }

    [Fact]
    public void Given_a_theme_that_rendered_a_partial_When_the_partial_changes_Then_that_theme_keeps_it_and_a_theme_loaded_again_renders_the_new_one()
    {
        // Given a copy of the theme whose history partial is filled, loaded and rendered once
        using var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(TestTheme.Folder, "*.liquid", SearchOption.AllDirectories))
        {
            folder.Write("t/" + Path.GetRelativePath(TestTheme.Folder, file), File.ReadAllText(file));
        }

        folder.Write("t/partials/family-history.liquid", "<p class=\"history\">first</p>");
        var theme = Theme.Load(folder["t"], new DiagnosticBag())!;
        Assert.Equal("first", HistoryLine(theme));

        // When the partial changes on disk
        folder.Write("t/partials/family-history.liquid", "<p class=\"history\">second, longer</p>");

        // Then the loaded theme renders the partial it read (a theme's files are read once), a theme loaded again the new one
        Assert.Equal("first", HistoryLine(theme));
        Assert.Equal("second, longer", HistoryLine(Theme.Load(folder["t"], new DiagnosticBag())!));
    }

    private static string HistoryLine(Theme theme)
    {
        var output = Stages.Run(new Handbook.Site.Stages.RenderTheme(theme, new Handbook.Site.Building.SiteSettings()), Families.Page(Families.Family("finance/payroll", "Payroll")));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(output.Output("job-families/finance/payroll/index.html").Content);
        return html.QuerySelector("article > header p.history")!.TextContent;
    }
}
