namespace Handbook.Site.Tests.Theming;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;

/// <summary>
/// <see cref="Theme.RenderPage"/> renders into reused per-thread buffers and hands the layout its <c>content</c>
/// from a buffer: the page must be what rendering through strings gave.
/// </summary>
public class ThemeRenderPageTests
{
    private static readonly SiteView Site = new("Handbook", null, "/assets/site.css", "/job-families/");

    private static Theme ThemeWith(TempFolder folder, string layout, string page)
    {
        foreach (var file in Directory.EnumerateFiles(TestTheme.Folder, "*.liquid", SearchOption.AllDirectories))
        {
            folder.Write("t/" + Path.GetRelativePath(TestTheme.Folder, file), File.ReadAllText(file));
        }

        folder.Write("t/" + ThemeTemplates.Layout, layout);
        folder.Write("t/" + ThemeTemplates.NotFound, page);
        var diagnostics = new DiagnosticBag();
        return Theme.Load(folder["t"], diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
    }

    private static string Render(Theme theme, string title, string body) =>
        theme.RenderPage(ThemeTemplates.NotFound, Site, new PageView(title, null, "/x/", "/x/", []), new Dictionary<string, object?> { ["body"] = body });

    [Fact]
    public void Given_a_layout_that_places_the_content_When_pages_render_one_after_another_Then_each_holds_only_its_own_content_unencoded()
    {
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, "<html><title>{{ page.title }}</title><main>{{ content }}</main></html>", "<p>{{ body }}</p>{{ body | raw }}");

        var first = Render(theme, "One", new string('a', 100_000) + "<b>");
        var second = Render(theme, "Two", "short & <i>");

        Assert.Equal("<html><title>One</title><main><p>" + new string('a', 100_000) + "&lt;b&gt;</p>" + new string('a', 100_000) + "<b></main></html>\n", first);
        Assert.Equal("<html><title>Two</title><main><p>short &amp; &lt;i&gt;</p>short & <i></main></html>\n", second);
    }

    [Fact]
    public void Given_a_layout_that_filters_and_tests_the_content_When_rendered_Then_it_sees_the_content_as_a_string()
    {
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, "{% if content contains 'needle' %}found {% endif %}{{ content | size }} {{ content | upcase }}{{ content }}", "{{ body }}");

        Assert.Equal("found 6 NEEDLEneedle\n", Render(theme, "T", "needle"));
        Assert.Equal("0\n", Render(theme, "T", string.Empty)); // "0 " then the page is trimmed
    }

    [Fact]
    public void Given_a_page_larger_than_the_buffers_keep_When_rendered_into_the_buffer_Then_it_stays_intact_and_the_next_page_is_its_own()
    {
        // Given a page of over 4 Mi characters (the page buffer is replaced after it) and a small one
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, "<main>{{ content }}</main>", "{{ body }}");
        var huge = new string('h', 4_500_000);

        // When the huge page is rendered into the buffer, then a small page
        var buffered = theme.RenderPageBuffered(ThemeTemplates.NotFound, Site, new PageView("T", null, "/x/", "/x/", []), new Dictionary<string, object?> { ["body"] = huge });
        var small = Render(theme, "T", "small");

        // Then the huge page's memory still holds it (its buffer was let go, not reused) and the small page is its own
        Assert.Equal("<main>" + huge + "</main>\n", buffered.Span.ToString());
        Assert.Equal("<main>small</main>\n", small);
    }

    [Fact]
    public void Given_a_layout_that_ends_in_whitespace_When_rendered_Then_the_page_ends_in_exactly_one_newline()
    {
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, "<html>{{ content }}</html>\n\n  \t\n", "x");

        Assert.Equal("<html>x</html>\n", Render(theme, "T", string.Empty));
    }
}
