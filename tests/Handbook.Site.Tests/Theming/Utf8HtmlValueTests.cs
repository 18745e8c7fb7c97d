namespace Handbook.Site.Tests.Theming;

using System.Globalization;
using System.Text;
using Fluid.Values;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;

/// <summary>
/// One-shot builds hand the theme each body as UTF-8 (<see cref="Utf8HtmlValue"/>) instead of a decoded string: written
/// with <c>raw</c> it must be exactly the decoded string, and everything else a template does with it must behave as
/// with the string property (the oracle: the same view with <see cref="FamilyView.BodyHtml"/> set instead).
/// </summary>
public class Utf8HtmlValueTests
{
    private static readonly SiteView Site = new("Handbook", null, "/assets/site.css", "/job-families/");

    // Letters of several scripts, 2-, 3- and 4-byte sequences (the emoji are surrogate pairs), markup and line ends.
    private static readonly string[] Pieces = ["a", "<p>", "&amp;", "é", "Ü", "–", "团", "队", "🚀", "𝄞", "\r\n", "\n", " ", "ß", "ﬁ"];

    private static string RandomText(Random random, int pieces)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pieces; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    private static string Decoded(byte[] utf8, int chunkChars)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Utf8HtmlValue.WriteDecoded(utf8, writer, chunkChars);
        return writer.ToString();
    }

    [Fact]
    public void Given_random_bodies_beyond_ASCII_When_decoded_in_chunks_of_any_size_Then_the_text_is_what_GetString_gives()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 300; round++)
        {
            // Given a body whose multi-byte sequences fall across chunk ends for small chunk sizes
            var utf8 = Encoding.UTF8.GetBytes(RandomText(random, random.Next(0, 400)));

            // When decoded in chunks of 1 (raised to 2), 2, 3, 5, 7, random and the production size
            foreach (var chunk in new[] { 1, 2, 3, 5, 7, random.Next(2, 64), Utf8HtmlValue.ChunkChars })
            {
                // Then it is exactly the string the body was
                Assert.Equal(Encoding.UTF8.GetString(utf8), Decoded(utf8, chunk));
            }
        }
    }

    [Fact]
    public void Given_bytes_that_are_not_valid_UTF8_When_decoded_in_chunks_Then_they_are_replaced_as_GetString_replaces_them()
    {
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            // Given valid text with stray, truncated and overlong bytes mixed in (also at the very end)
            var utf8 = Encoding.UTF8.GetBytes(RandomText(random, random.Next(0, 60))).ToList();
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                utf8.Insert(random.Next(utf8.Count + 1), (byte)random.Next(0x80, 0x100));
            }

            var bytes = utf8.ToArray();
            foreach (var chunk in new[] { 2, 3, 4, 9, Utf8HtmlValue.ChunkChars })
            {
                Assert.Equal(Encoding.UTF8.GetString(bytes), Decoded(bytes, chunk));
            }
        }
    }

    [Fact]
    public void Given_a_body_longer_than_many_chunks_When_written_raw_by_a_template_Then_the_page_holds_it_unchanged()
    {
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, "<main>{{ family.body_html | raw }}</main>");
        var body = RandomText(new Random(3), 40_000) + "<script>x</script>";

        var page = Render(theme, FamilyWithUtf8(body, decoy: string.Empty));

        Assert.Equal("<main>" + body.TrimEnd() + "</main>\n", page);
    }

    [Theory]
    [InlineData("{{ family.body_html | raw }}")]
    [InlineData("{{ family.body_html }}")]
    [InlineData("{{ family.body_html | size }}|{{ family.body_html.size }}")]
    [InlineData("{% if family.body_html contains '团' %}yes{% else %}no{% endif %}")]
    [InlineData("{% if family.body_html == '<p>é & 团 🚀</p>' %}same{% else %}other{% endif %}")]
    [InlineData("{% if family.body_html %}truthy{% else %}falsy{% endif %}")]
    [InlineData("{{ family.body_html | upcase | raw }}{{ family.body_html | raw | escape }}")]
    [InlineData("{{ family.body_html | raw | raw }}{{ family.body_html | strip_html }}")]
    public void Given_a_template_use_of_body_html_When_the_body_is_UTF8_Then_the_page_is_what_the_string_body_gives(string template)
    {
        // Given the same body once as bytes (with a different string property, which must not be shown) and once as the string
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, template);
        const string Body = "<p>é & 团 🚀</p>";

        // When both are rendered
        var fromBytes = Render(theme, FamilyWithUtf8(Body, decoy: "<p>decoy</p>"));
        var fromString = Render(theme, FamilyWithUtf8(Body, decoy: Body) with { BodyHtmlUtf8 = null });

        // Then the pages are the same
        Assert.Equal(fromString, fromBytes);
        Assert.DoesNotContain("decoy", fromBytes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% if department.content_html %}<div>{{ department.content_html | raw }}</div>{% endif %}")]
    [InlineData("{{ department.content_html }}|{{ department.content_html | size }}")]
    public void Given_a_department_index_page_with_UTF8_content_When_rendered_Then_the_page_is_what_the_string_content_gives(string template)
    {
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, template);
        const string Content = "<h2>Ingénierie</h2>\n<p>部门</p>";

        var fromBytes = Render(theme, Department(null) with { ContentHtmlUtf8 = Encoding.UTF8.GetBytes(Content) });
        var fromString = Render(theme, Department(Content));
        var without = Render(theme, Department(null));

        Assert.Equal(fromString, fromBytes);
        Assert.Contains("部门", fromBytes, StringComparison.Ordinal);
        Assert.DoesNotContain("部门", without, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_other_values_When_filtered_with_raw_Then_raw_behaves_as_Fluids_own()
    {
        using var folder = new TempFolder();
        var theme = ThemeWith(folder, "{{ '<b>&' | raw }}|{{ 12.5 | raw }}|{{ nothing | raw }}|{{ family.title | raw }}");

        Assert.Equal("<b>&|12.5||A & B\n", Render(theme, FamilyWithUtf8("x", decoy: "x")));
    }

    [Fact]
    public void Given_a_UTF8_value_When_compared_and_converted_Then_it_acts_as_the_string_value()
    {
        const string Text = "<p>10 é</p>";
        var value = new Utf8HtmlValue(Encoding.UTF8.GetBytes(Text));
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
    public void Given_a_document_whose_body_is_kept_as_UTF8_When_asked_for_its_bytes_Then_they_decode_to_the_body_and_a_string_body_gives_none()
    {
        const string Html = "<p>Équipe 🚀</p>\n";
        var kept = Document.FromSource("job-families/x.md", string.Empty)
            .With(JobFamilyKeys.BodyHtml, string.Empty)
            .With(JobFamilyKeys.BodyHtmlUtf8, RenderedBody.Encode(Html));
        var plain = Document.FromSource("job-families/y.md", string.Empty).With(JobFamilyKeys.BodyHtml, Html);

        Assert.True(RenderedBody.TryGetUtf8(kept, out var utf8));
        Assert.Equal(Html, Encoding.UTF8.GetString(utf8));
        Assert.False(RenderedBody.TryGetUtf8(plain, out _));
        Assert.False(RenderedBody.TryGetUtf8(Document.FromSource("a.md", string.Empty), out _));
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

    private static FamilyView FamilyWithUtf8(string body, string decoy) =>
        new("A & B", null, "/x/", new LinkView("Dept", "/job-families/d/"), [], [], null, null, null, false, decoy, [])
        {
            BodyHtmlUtf8 = Encoding.UTF8.GetBytes(body),
        };

    private static DepartmentView Department(string? content) => new("d", "Dept", "/job-families/d/", content, [], 0, false);
}
