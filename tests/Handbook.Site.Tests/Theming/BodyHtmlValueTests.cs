namespace Handbook.Site.Tests.Theming;

using System.Text;
using Fluid.Values;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;

/// <summary>
/// One-shot builds hand the theme each body where the build left it instead of as a string: as UTF-8
/// (<see cref="Utf8HtmlValue"/>, <see cref="FamilyView.BodyHtmlUtf8"/>) or, without versions, in the buffer it was
/// sanitised into (<see cref="BufferedBodyValue"/>, <see cref="FamilyView.BodyHtmlBuffered"/>). Written with <c>raw</c>
/// it must be exactly the body's text, and everything else a template does with it must behave as with the string
/// property (the oracle: the same view with <see cref="FamilyView.BodyHtml"/> set instead). Every case runs for both
/// storages.
/// </summary>
public class BodyHtmlValueTests
{
    /// <summary>Where the build left the body.</summary>
    public enum Storage
    {
        Utf8,
        Buffer,
    }

    private static readonly SiteView Site = new("Handbook", null, "/assets/site.css", "/job-families/");

    private static readonly string[] FamilyTemplates =
    [
        "{{ family.body_html | raw }}",
        "{{ family.body_html }}",
        "{{ family.body_html | size }}|{{ family.body_html.size }}",
        "{% if family.body_html contains '团' %}yes{% else %}no{% endif %}",
        "{% if family.body_html == '<p>é & 团 🚀</p>' %}same{% else %}other{% endif %}",
        "{% if family.body_html %}truthy{% else %}falsy{% endif %}",
        "{{ family.body_html | upcase | raw }}{{ family.body_html | raw | escape }}",
        "{{ family.body_html | raw | raw }}{{ family.body_html | strip_html }}",
    ];

    private static readonly string[] DepartmentTemplates =
    [
        "{% if department.content_html %}<div>{{ department.content_html | raw }}</div>{% endif %}",
        "{{ department.content_html }}|{{ department.content_html | size }}",
    ];

    public static TheoryData<string, Storage> FamilyCases() => Cases(FamilyTemplates);

    public static TheoryData<string, Storage> DepartmentCases() => Cases(DepartmentTemplates);

    [Theory]
    [MemberData(nameof(FamilyCases))]
    public void Given_a_template_use_of_body_html_When_the_body_is_kept_outside_a_string_Then_the_page_is_what_the_string_body_gives(string template, Storage storage)
    {
        // Given the same body once where the build keeps it (other bodies set, which must not be shown) and once as the string
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, template);
        const string Body = "<p>é & 团 🚀</p>";

        // When both are rendered
        var fromStorage = Render(theme, FamilyWith(Body, storage));
        var fromString = Render(theme, Family(decoy: Body));

        // Then the pages are the same, and nothing but the body is shown
        Assert.Equal(fromString, fromStorage);
        Assert.DoesNotContain("decoy", fromStorage, StringComparison.Ordinal);
        Assert.DoesNotContain("before", fromStorage, StringComparison.Ordinal);
        Assert.DoesNotContain("after", fromStorage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DepartmentCases))]
    public void Given_a_department_index_page_with_content_kept_outside_a_string_When_rendered_Then_the_page_is_what_the_string_content_gives(string template, Storage storage)
    {
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, template);
        const string Content = "<h2>Ingénierie</h2>\n<p>部门</p>";

        var fromStorage = Render(theme, storage == Storage.Utf8
            ? Department(null) with { ContentHtmlUtf8 = Encoding.UTF8.GetBytes(Content) }
            : Department(null) with { ContentHtmlBuffered = Content.AsMemory() });
        var fromString = Render(theme, Department(Content));
        var without = Render(theme, Department(null));

        Assert.Equal(fromString, fromStorage);
        Assert.Contains("部门", fromStorage, StringComparison.Ordinal);
        Assert.DoesNotContain("部门", without, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Storage.Utf8)]
    [InlineData(Storage.Buffer)]
    public void Given_a_body_longer_than_many_chunks_When_written_raw_by_a_template_Then_the_page_holds_it_unchanged(Storage storage)
    {
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, "<main>{{ family.body_html | raw }}</main>");
        var body = Utf8HtmlValueTests.RandomText(new Random(3), 40_000) + "<script>x</script>";

        var page = Render(theme, FamilyWith(body, storage));

        Assert.Equal("<main>" + body.TrimEnd() + "</main>\n", page);
    }

    [Theory]
    [InlineData(Storage.Utf8)]
    [InlineData(Storage.Buffer)]
    public void Given_a_kept_body_value_When_compared_and_converted_Then_it_acts_as_the_string_value(Storage storage)
    {
        const string Text = "<p>10 é</p>";
        BodyHtmlValue value = storage == Storage.Utf8 ? new Utf8HtmlValue(Encoding.UTF8.GetBytes(Text)) : new BufferedBodyValue(("x" + Text).AsMemory(1));
        var oracle = new StringValue(Text);

        Assert.Equal(FluidValues.String, value.Type);
        Assert.Equal(Text, value.ToStringValue());
        Assert.True(value.Equals(oracle));
        Assert.True(oracle.Equals(value));
        Assert.Equal(oracle.ToBooleanValue(), value.ToBooleanValue());
        Assert.Equal(oracle.GetHashCode(), value.GetHashCode());
        Assert.True(value.Contains(new StringValue("é")));
    }

    [Fact]
    public void Given_other_values_When_filtered_with_raw_Then_raw_behaves_as_Fluids_own()
    {
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, "{{ '<b>&' | raw }}|{{ 12.5 | raw }}|{{ nothing | raw }}|{{ family.title | raw }}");

        Assert.Equal("<b>&|12.5||A & B\n", Render(theme, FamilyWith("x", Storage.Utf8)));
    }

    private static TheoryData<string, Storage> Cases(string[] templates)
    {
        var cases = new TheoryData<string, Storage>();
        foreach (var template in templates)
        {
            cases.Add(template, Storage.Utf8);
            cases.Add(template, Storage.Buffer);
        }

        return cases;
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

    // The body where the build keeps it, beside bodies that must not be shown: a different string property, and for
    // a buffered body different UTF-8 bytes and the text around its slice of the buffer.
    private static FamilyView FamilyWith(string body, Storage storage) => storage == Storage.Utf8
        ? Family(decoy: "<p>decoy</p>") with { BodyHtmlUtf8 = Encoding.UTF8.GetBytes(body) }
        : Family(decoy: "<p>decoy</p>") with
        {
            BodyHtmlBuffered = ("<p>before</p>" + body + "<p>after</p>").AsMemory(13, body.Length),
            BodyHtmlUtf8 = Encoding.UTF8.GetBytes("<p>decoy</p>"),
        };

    private static FamilyView Family(string decoy) =>
        new("A & B", null, "/x/", new LinkView("Dept", "/job-families/d/"), [], [], null, null, null, false, decoy, []);

    private static DepartmentView Department(string? content) => new("d", "Dept", "/job-families/d/", content, [], 0, false);
}
