namespace Handbook.JobFamilies.Tests.Hugo;

using Handbook.JobFamilies.Hugo;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;

public sealed class HugoShortcodeExpanderTests
{
    private const string Page = "job-families/greenhouse/seed-keeper/_index.md";

    private static (string Text, List<Diagnostic> Diagnostics) Run(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var result = HugoShortcodeExpander.Expand(Page, text, new SourceMap(Page), diagnostics);
        return (result, diagnostics);
    }

    [Fact]
    public void Given_a_page_without_shortcodes_When_expanded_Then_the_same_string_comes_back()
    {
        const string text = "Plain {{ braces }} and { < } stay.\n";

        var (result, diagnostics) = Run(text);

        Assert.Same(text, result);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Given_a_ref_in_a_link_destination_When_expanded_Then_the_url_is_padded_to_the_tags_length()
    {
        const string text = "See the [pruners]({{< ref \"/job-families/greenhouse/pruner\" >}}) page.\n";

        var (result, diagnostics) = Run(text);

        Assert.Empty(diagnostics);
        Assert.Equal(text.Length, result.Length);
        Assert.StartsWith("See the [pruners](/job-families/greenhouse/pruner/ ", result, StringComparison.Ordinal);
        Assert.EndsWith(" ) page.\n", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_relref_with_percent_delimiters_and_text_right_after_When_expanded_Then_the_padding_goes_before()
    {
        const string tag = "{{% relref \"/job-families/orchard/picker.md\" %}}";
        const string url = "/job-families/orchard/picker/";

        var (result, _) = Run($"[x]({tag}#grade)\n");

        Assert.Equal("[x](" + new string(' ', tag.Length - url.Length) + url + "#grade)\n", result);
    }

    [Fact]
    public void Given_a_relative_ref_longer_as_a_url_than_its_tag_When_expanded_Then_the_url_is_written_whole()
    {
        var (result, _) = Run("[x]({{< ref \"senior\" >}})\n");

        Assert.Equal("[x](/job-families/greenhouse/seed-keeper/senior/)\n", result);
    }

    [Fact]
    public void Given_a_reference_definition_and_a_named_path_When_expanded_Then_both_become_urls()
    {
        const string text = "[1]: {{< ref path=\"../pruner\" >}}\n[2]: {{< ref `/job-families/orchard/picker.md` >}}\n";

        var (result, diagnostics) = Run(text);

        Assert.Empty(diagnostics);
        Assert.Equal(["[1]: /job-families/greenhouse/pruner/", "[2]: /job-families/orchard/picker/"], result.Split('\n')[..2].Select(l => l.TrimEnd()));
    }

    [Fact]
    public void Given_another_shortcode_When_expanded_Then_it_is_left_out_with_HUGO001_at_its_position()
    {
        const string text = "## Levels\n\n  {{< table-of-levels depth=2 >}}\n\n{{% note %}}Bring gloves.{{% /note %}}\n";

        var (result, diagnostics) = Run(text);

        Assert.Equal(text.Length, result.Length);
        Assert.DoesNotContain("{{", result, StringComparison.Ordinal);
        Assert.Contains("Bring gloves.", result, StringComparison.Ordinal);
        Assert.Collection(
            diagnostics,
            d => Assert.Equal($"{Page}:3:3: warning HUGO001", $"{d.Location.Path}:{d.Location.Line}:{d.Location.Column}: {d.Severity.ToString().ToLowerInvariant()} {d.Code}"),
            d => Assert.Equal(("HUGO001", 5, 1), (d.Code, d.Location.Line, d.Location.Column)));
        Assert.Contains("'table-of-levels'", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_escaped_shortcode_When_expanded_Then_hugo_shows_it_as_text_without_a_diagnostic()
    {
        var (result, diagnostics) = Run("Write `{{</* ref \"x\" */>}}` to link.\n");

        Assert.Empty(diagnostics);
        // The four characters of "/*" and "*/" become spaces after the tag, so the columns after it stay.
        Assert.Equal("Write `{{< ref \"x\" >}}    ` to link.\n", result);
    }

    [Fact]
    public void Given_a_ref_without_a_path_or_escaping_the_input_When_expanded_Then_HUGO002_and_nothing_is_rendered()
    {
        var (result, diagnostics) = Run("[a]({{< ref >}}) [b]({{< ref \"../../../../x\" >}})\n");

        Assert.Equal(["HUGO002", "HUGO002"], diagnostics.Select(d => d.Code));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.Equal((1, 5), (diagnostics[0].Location.Line, diagnostics[0].Location.Column));
        Assert.DoesNotContain("{{", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_unclosed_opening_When_expanded_Then_HUGO003_and_it_stays_text()
    {
        const string text = "Line one\nthen {{< ref \"x\" and no end\n";

        var (result, diagnostics) = Run(text);

        Assert.Equal(text, result);
        var d = Assert.Single(diagnostics);
        Assert.Equal(("HUGO003", 2, 6), (d.Code, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void Given_a_shortcode_over_two_lines_When_expanded_Then_the_line_count_is_kept()
    {
        const string text = "a {{< widget\n  size=3 >}} b\nnext\n";

        var (result, _) = Run(text);

        Assert.Equal(text.Split('\n').Length, result.Split('\n').Length);
        Assert.EndsWith(" b\nnext\n", result, StringComparison.Ordinal);
    }

    private static readonly HugoPageIndex Pages = new(
    [
        Page,
        "job-families/greenhouse/seed-keeper/senior.md",
        "job-families/orchard/senior.md",
        "job-families/orchard/pruner.md",
        "job-families/orchard/mower.md",
        "job-families/meadow/mower/_index.md",
    ]);

    private static (string Text, List<Diagnostic> Diagnostics) RunWithPages(string text)
    {
        var diagnostics = new List<Diagnostic>();
        var result = HugoShortcodeExpander.Expand(Page, text, new SourceMap(Page), diagnostics, Pages);
        return (result, diagnostics);
    }

    [Fact]
    public void Given_the_sites_pages_and_a_bare_name_of_a_page_elsewhere_When_expanded_Then_that_pages_url()
    {
        var (result, diagnostics) = RunWithPages("[x]({{< ref \"pruner#shears\" >}})\n");

        Assert.Empty(diagnostics);
        Assert.Equal("[x](/job-families/orchard/pruner/#shears)\n", result);
    }

    [Theory]
    [InlineData("See [the hiring guide]({{< ref \"hiring-guide#first-call\" >}}) first.\n", "See the hiring guide first.\n")]
    [InlineData("See [the *hiring* [guide]]( {{% relref \"hiring-guide\" %}} ) first.\n", "See the *hiring* [guide] first.\n")]
    [InlineData("See [x]({{< ref \"hiring-guide\" >}}#first-call).\n", "See x.\n")]
    [InlineData("Ask \\[first]({{< ref \"hiring-guide\" >}}).\n", "Ask \\[first](                          ).\n")]
    [InlineData("A [stray bracket.\n\nThen ]({{< ref \"hiring-guide\" >}}) end.\n", "A [stray bracket.\n\nThen ](                          ) end.\n")]
    [InlineData("A [stray bracket.\n\nThen [the\nguide]({{< ref \"hiring-guide\" >}}) end.\n", "A [stray bracket.\n\nThen the\nguide end.\n")]
    public void Given_a_bare_name_no_page_has_When_expanded_Then_HUGO005_and_the_links_text_stays_as_text(string text, string expected)
    {
        var (result, diagnostics) = RunWithPages(text);

        Assert.Equal(expected, result);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("HUGO005", warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("'hiring-guide", warning.Message, StringComparison.Ordinal);
        Assert.Contains("/handbook/", warning.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_bare_name_no_page_has_in_a_reference_definition_When_expanded_Then_the_definition_has_no_destination()
    {
        var (result, diagnostics) = RunWithPages("[1]: {{< ref \"hiring-guide\" >}}\n");

        Assert.Equal("[1]:" + new string(' ', 27) + "\n", result);
        Assert.Equal("HUGO005", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Given_a_bare_name_two_pages_have_When_expanded_Then_HUGO004_naming_both()
    {
        var (result, diagnostics) = RunWithPages("Text.\n\nSee [mowers]({{< ref \"mower\" >}}).\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal("HUGO004", error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("/job-families/meadow/mower/, /job-families/orchard/mower/", error.Message, StringComparison.Ordinal);
        Assert.Equal("Text.\n\nSee mowers.\n", result);
    }

    [Fact]
    public void Given_a_ref_missing_its_closing_angle_and_a_later_ref_When_expanded_Then_HUGO003_there_and_the_text_between_stays()
    {
        // Reading up to the next '>}}' made one tag of both refs and everything between them vanished without a word.
        const string text = "- Book a [first call]({{< ref \"/job-families/orchard/picker\" }}) with a grower\n- Walk the rows\n\nSee [the pruners]({{< ref \"/job-families/orchard/pruner\" >}}).\n";

        var (result, diagnostics) = Run(text);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("HUGO003", Severity.Warning, 1, 23), (d.Code, d.Severity, d.Location.Line, d.Location.Column));
        Assert.Contains("closed with '}}' instead of '>}}' (column 62)", d.Message, StringComparison.Ordinal);
        Assert.Contains("Walk the rows", result, StringComparison.Ordinal);
        Assert.Contains("[the pruners](/job-families/orchard/pruner/", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x]({{< ref \"/job-families/orchard/picker\" ) and on\nmore >}}\n", "HUGO003", "not closed before ')' (column 44)")]
    [InlineData("[x]({{< ref \"/job-families/orchard/picker >}}) and on\n", "HUGO006", "opening '\"' (column 13) is not closed before '>}}'")]
    [InlineData("[x]({{< ref \"/job-families/orchard/picker' >}}) and \"on\"\n", "HUGO006", "opening '\"' (column 13)")]
    [InlineData("[x]({{< ref '/job-families/orchard/picker' >}}) and on\n", "HUGO003", "not closed before ''' (column 13)")]
    [InlineData("{{< ref \"/job-families/orchard/picker\"\nThen, on the next line >}}\n", "HUGO003", "not closed before ',' (line 2, column 5)")]
    public void Given_a_malformed_tag_When_expanded_Then_it_stays_text_with_a_diagnostic_at_its_opening_naming_what_stopped_it(string text, string code, string message)
    {
        var (result, diagnostics) = Run(text);

        Assert.Equal(text, result);
        var d = Assert.Single(diagnostics);
        Assert.Equal((code, 1), (d.Code, d.Location.Line));
        Assert.Equal(text.IndexOf("{{<", StringComparison.Ordinal) + 1, d.Location.Column);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        Assert.Contains("Hugo fails the build here", d.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Text {{% /alert %}} more\n", 1, 6, "no 'alert' is open before it", "add the opening '{{% alert %}}'")]
    [InlineData("{{% alert %}}\nMind the frost.\n{{% /notice %}}\n", 3, 1, "the shortcode open before it is 'alert' (line 1)", "write '{{% /alert %}}'")]
    public void Given_a_closing_tag_whose_shortcode_is_not_open_When_expanded_Then_HUGO007_at_the_closing_tag(string text, int line, int column, string message, string hint)
    {
        var (_, diagnostics) = Run(text);

        var d = Assert.Single(diagnostics, d => d.Code == "HUGO007");
        Assert.Equal((line, column), (d.Location.Line, d.Location.Column));
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        Assert.Contains(hint, d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_paired_and_nested_shortcodes_When_expanded_Then_no_HUGO007()
    {
        var (_, diagnostics) = Run("{{% alert %}}\n{{< table-of-levels >}}\n{{% note %}}x{{% /note %}}\n{{% /alert %}}\n");

        Assert.DoesNotContain(diagnostics, d => d.Code == "HUGO007");
    }

    [Theory]
    [InlineData("reff", "ref")]
    [InlineData("Ref", "ref")]
    [InlineData("relrf", "relref")]
    public void Given_a_misspelt_ref_in_a_link_When_expanded_Then_HUGO001_suggests_ref_and_the_link_keeps_only_its_text(string name, string meant)
    {
        var (result, diagnostics) = Run($"See [the pruners]({{{{< {name} \"/job-families/orchard/pruner\" >}}}}) page.\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal(("HUGO001", 1, 19), (d.Code, d.Location.Line, d.Location.Column));
        Assert.StartsWith($"did you mean '{meant}'?", d.Hint, StringComparison.Ordinal);
        Assert.Equal("See the pruners page.\n", result);
    }

    [Fact]
    public void Given_a_ref_without_a_path_in_a_link_When_expanded_Then_the_link_keeps_only_its_text()
    {
        // An empty destination would be a link to the page itself.
        var (result, _) = Run("See [the pruners]({{< ref >}}) page.\n");

        Assert.Equal("See the pruners page.\n", result);
    }

    [Fact]
    public void Given_a_bare_name_with_a_typo_When_expanded_Then_HUGO005_suggests_the_nearest_page_a_sibling_first()
    {
        var (_, diagnostics) = RunWithPages("[x]({{< relref \"senoir#grade\" >}})\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("HUGO005", d.Code);
        Assert.StartsWith("did you mean {{< relref \"/job-families/greenhouse/seed-keeper/senior#grade\" >}}?", d.Hint, StringComparison.Ordinal);
    }
}
