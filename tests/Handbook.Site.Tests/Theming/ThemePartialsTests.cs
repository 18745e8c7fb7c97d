namespace Handbook.Site.Tests.Theming;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;

/// <summary>Theme partials (<c>theme/partials/*.liquid</c>, included by name) are checked when the theme loads.</summary>
public class ThemePartialsTests
{
    private static TempFolder CopyOfTheTheme()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(TestTheme.Folder, "*.liquid", SearchOption.AllDirectories))
        {
            folder.Write("t/" + Path.GetRelativePath(TestTheme.Folder, file), File.ReadAllText(file));
        }

        return folder;
    }

    [Fact]
    public void Given_a_partial_with_a_syntax_error_When_the_theme_loads_Then_THEME002_names_the_partial_and_no_theme_is_returned()
    {
        using var folder = CopyOfTheTheme();
        folder.Write("t/partials/family-history.liquid", "{% if %}");
        var diagnostics = new DiagnosticBag();

        var theme = Theme.Load(folder["t"], diagnostics);

        Assert.Null(theme);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(("THEME002", "t/partials/family-history.liquid"), (error.Code, error.Location.Path));
    }

    [Fact]
    public void Given_the_reserved_history_partial_is_filled_When_a_family_renders_Then_its_output_appears_in_the_page_header()
    {
        using var folder = CopyOfTheTheme();
        folder.Write("t/partials/family-history.liquid", "<p class=\"history\">History of {{ family.title }}</p>");
        var diagnostics = new DiagnosticBag();
        var theme = Theme.Load(folder["t"], diagnostics)!;

        var output = Stages.Run(new Handbook.Site.Stages.RenderTheme(theme, new Handbook.Site.Building.SiteSettings()), Families.Page(Families.Family("finance/payroll", "Payroll")));

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(output.Output("job-families/finance/payroll/index.html").Content);
        Assert.Equal("History of Payroll", html.QuerySelector("article > header p.history")!.TextContent);
    }
}
