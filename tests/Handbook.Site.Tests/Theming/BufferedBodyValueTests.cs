namespace Handbook.Site.Tests.Theming;

using Fluid.Values;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;

/// <summary>
/// One-shot builds without versions hand the theme each body as the text in the buffer it was sanitised into
/// (<see cref="BufferedBodyValue"/>, <see cref="FamilyView.BodyHtmlBuffered"/>): written with <c>raw</c> it must be
/// exactly that text, and everything else a template does with it must behave as with the string property (the
/// oracle: the same view with <see cref="FamilyView.BodyHtml"/> set instead).
/// </summary>
public class BufferedBodyValueTests
{
    private static readonly SiteView Site = new("Handbook", null, "/assets/site.css", "/job-families/");

    [Theory]
    [InlineData("{{ family.body_html | raw }}")]
    [InlineData("{{ family.body_html }}")]
    [InlineData("{{ family.body_html | size }}|{{ family.body_html.size }}")]
    [InlineData("{% if family.body_html contains '团' %}yes{% else %}no{% endif %}")]
    [InlineData("{% if family.body_html == '<p>é & 团 🚀</p>' %}same{% else %}other{% endif %}")]
    [InlineData("{% if family.body_html %}truthy{% else %}falsy{% endif %}")]
    [InlineData("{{ family.body_html | upcase | raw }}{{ family.body_html | raw | escape }}")]
    [InlineData("{{ family.body_html | raw | raw }}{{ family.body_html | strip_html }}")]
    public void Given_a_template_use_of_body_html_When_the_body_is_in_a_buffer_Then_the_page_is_what_the_string_body_gives(string template)
    {
        // Given the same body once as a slice of a larger buffer (with other strings set, which must not be shown)
        // and once as the string
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, template);
        const string Body = "<p>é & 团 🚀</p>";
        var buffer = ("<p>before</p>" + Body + "<p>after</p>").AsMemory(13, Body.Length);

        // When both are rendered
        var fromBuffer = Render(theme, Family(decoy: "<p>decoy</p>") with { BodyHtmlBuffered = buffer, BodyHtmlUtf8 = System.Text.Encoding.UTF8.GetBytes("<p>decoy</p>") });
        var fromString = Render(theme, Family(decoy: Body));

        // Then the pages are the same
        Assert.Equal(fromString, fromBuffer);
        Assert.DoesNotContain("decoy", fromBuffer, StringComparison.Ordinal);
        Assert.DoesNotContain("before", fromBuffer, StringComparison.Ordinal);
        Assert.DoesNotContain("after", fromBuffer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% if department.content_html %}<div>{{ department.content_html | raw }}</div>{% endif %}")]
    [InlineData("{{ department.content_html }}|{{ department.content_html | size }}")]
    public void Given_a_department_index_page_with_content_in_a_buffer_When_rendered_Then_the_page_is_what_the_string_content_gives(string template)
    {
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, template);
        const string Content = "<h2>Ingénierie</h2>\n<p>部门</p>";

        var fromBuffer = Render(theme, Department(null) with { ContentHtmlBuffered = Content.AsMemory() });
        var fromString = Render(theme, Department(Content));
        var without = Render(theme, Department(null));

        Assert.Equal(fromString, fromBuffer);
        Assert.Contains("部门", fromBuffer, StringComparison.Ordinal);
        Assert.DoesNotContain("部门", without, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_buffered_value_When_compared_and_converted_Then_it_acts_as_the_string_value()
    {
        const string Text = "<p>10 é</p>";
        var value = new BufferedBodyValue(("x" + Text).AsMemory(1));
        var oracle = new StringValue(Text);

        Assert.Equal(FluidValues.String, value.Type);
        Assert.Equal(Text, value.ToStringValue());
        Assert.True(value.Equals(oracle));
        Assert.True(oracle.Equals(value));
        Assert.Equal(oracle.ToBooleanValue(), value.ToBooleanValue());
        Assert.Equal(oracle.GetHashCode(), value.GetHashCode());
        Assert.True(value.Contains(new StringValue("é")));
    }

    private static Theme ThemeWith(TempFolder folder, string page)
    {
        foreach (var file in Directory.EnumerateFiles(TestTheme.Folder, "*.liquid", SearchOption.AllDirectories))
        {
            folder.Write("t/" + Path.GetRelativePath(TestTheme.Folder, file), File.ReadAllText(file));
        }

        folder.Write("t/" + ThemeTemplates.Layout, "{{ content }}");
        folder.Write("t/" + ThemeTemplates.NotFound, page);
        var diagnostics = new DiagnosticBag();
        return Theme.Load(folder["t"], diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
    }

    private static string Render(Theme theme, object view) =>
        theme.RenderPage(ThemeTemplates.NotFound, Site, new PageView("T", null, "/x/", "/x/", []), new Dictionary<string, object?> { [view is FamilyView ? "family" : "department"] = view });

    private static FamilyView Family(string decoy) =>
        new("A & B", null, "/x/", new LinkView("Dept", "/job-families/d/"), [], [], null, null, null, false, decoy, []);

    private static DepartmentView Department(string? content) => new("d", "Dept", "/job-families/d/", content, [], 0, false);
}
