namespace Handbook.Site.Tests.Theming;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;

/// <summary>
/// <see cref="Theme.Load"/> makes the template options (every view type's member registrations) on another thread
/// while it parses the templates: a loaded theme must see every registration, and a failed load must still report
/// only the template's error.
/// </summary>
public class ThemeLoadTests
{
    private static readonly SiteView Site = new("Handbook", "https://example.org", "/assets/site.css", "/job-families/");

    private static TempFolder CopyOfTheThemeWith(string notFoundPage)
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(TestTheme.Folder, "*.liquid", SearchOption.AllDirectories))
        {
            folder.Write("t/" + Path.GetRelativePath(TestTheme.Folder, file), File.ReadAllText(file));
        }

        folder.Write("t/" + ThemeTemplates.Layout, "{{ content }}");
        folder.Write("t/" + ThemeTemplates.NotFound, notFoundPage);
        return folder;
    }

    [Fact]
    public void Given_a_page_that_reads_members_of_registered_view_types_When_themes_load_one_after_another_Then_every_load_renders_them()
    {
        using var folder = CopyOfTheThemeWith("{{ site.title }}|{{ site.base_url }}|{{ page.title }}|{{ page.canonical_url }}|{{ crumbs[0].text }}|{{ crumbs[1].url }}");
        var crumbs = new List<LinkView> { new("Handbook", "/job-families/"), new("Payroll", "/job-families/finance/payroll/") };

        for (var i = 0; i < 20; i++)
        {
            var diagnostics = new DiagnosticBag();
            var theme = Theme.Load(folder["t"], diagnostics)!;

            var html = theme.RenderPage(ThemeTemplates.NotFound, Site, new PageView("Not found", null, "/404.html", "/404.html", []), new Dictionary<string, object?> { ["crumbs"] = crumbs });

            Assert.Empty(diagnostics.Sorted());
            Assert.Equal("Handbook|https://example.org|Not found|/404.html|Handbook|/job-families/finance/payroll/\n", html);
        }
    }

    [Fact]
    public void Given_a_template_with_a_syntax_error_When_the_theme_loads_Then_THEME002_names_it_and_no_theme_is_returned()
    {
        using var folder = CopyOfTheThemeWith("{% for %}");
        var diagnostics = new DiagnosticBag();

        var theme = Theme.Load(folder["t"], diagnostics);

        Assert.Null(theme);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal(("THEME002", "t/" + ThemeTemplates.NotFound), (error.Code, error.Location.Path));
    }
}
