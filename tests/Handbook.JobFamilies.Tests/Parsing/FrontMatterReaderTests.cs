namespace Handbook.JobFamilies.Tests.Parsing;

using CsCheck;
using Handbook.JobFamilies.Tests.Fuzz;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

public sealed class FrontMatterReaderTests
{
    private const string Path = "job-families/sales/example.md";

    private static string Page(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public void Given_quoted_and_bare_values_When_read_Then_known_keys_are_typed_and_all_keys_kept()
    {
        var text = Page("---", "layout: job_family_page", "title: \"Widget Engineer\"", "description: Builds widgets",
            "canonical_path: /job-families/sales/example/", "extra_js:", "  - libs/mermaid.min.js", "manual_cookiebot: true", "---", "", "Body");

        var result = FrontMatterReader.Read(Path, text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Widget Engineer", result.FrontMatter.Title);
        Assert.Equal("Builds widgets", result.FrontMatter.Description);
        Assert.Equal("job_family_page", result.FrontMatter.Layout);
        Assert.Equal("/job-families/sales/example/", result.FrontMatter.CanonicalPath);
        Assert.Equal(["libs/mermaid.min.js"], result.FrontMatter.ExtraJs);
        Assert.Equal("true", result.FrontMatter.Values["manual_cookiebot"]);
        Assert.Equal(10, result.FrontMatter.BodyStartLine);
    }

    [Fact]
    public void Given_front_matter_When_read_Then_its_lines_are_blanked_so_body_lines_keep_their_numbers()
    {
        var text = Page("---", "title: X", "---", "# Heading");

        var result = FrontMatterReader.Read(Path, text);

        Assert.Equal("\n\n\n# Heading\n", result.Body);
    }

    [Theory]
    [InlineData("---\ntitle: X\n---", "\n\n")]
    [InlineData("---\ntitle: X\n---\n", "\n\n\n")]
    [InlineData("---\r\ntitle: Ünï\r\n--- \r\nBody ü\r\nend", "\n\n\nBody ü\nend")]
    [InlineData("title: X\ndescription: Y\n\nBody", "\n\n\nBody")]
    public void Given_front_matter_at_the_edges_of_the_text_When_read_Then_exactly_its_characters_are_blanked(string text, string body)
    {
        var result = FrontMatterReader.Read(Path, text);

        Assert.Equal(body, result.Body);
    }

    [Fact]
    public void Given_a_closing_fence_with_trailing_spaces_and_a_heading_right_after_When_read_Then_the_heading_is_body()
    {
        var text = Page("---", "title: \"Education Services\"", "--- ", "### Lab Developer", "Text");

        var result = FrontMatterReader.Read(Path, text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Education Services", result.FrontMatter.Title);
        Assert.Equal("\n\n\n### Lab Developer\nText\n", result.Body);
    }

    [Fact]
    public void Given_a_key_line_right_before_the_closing_fence_When_read_Then_it_is_not_a_setext_heading()
    {
        var text = Page("---", "title: Backend", "manual_cookiebot: true", "---", "", "Intro");

        var result = FrontMatterReader.Read(Path, text);
        var family = new JobFamilyParser().Parse(Path, text, new List<Diagnostic>());

        Assert.Equal("true", result.FrontMatter.Values["manual_cookiebot"]);
        Assert.DoesNotContain(family.Body, b => b is Markdig.Syntax.HeadingBlock);
    }

    [Fact]
    public void Given_broken_yaml_When_read_Then_FM001_points_at_the_file_line()
    {
        var text = Page("---", "layout: job_family_page", "title: \"Unclosed", "description: x: y", "---", "Body");

        var result = FrontMatterReader.Read(Path, text);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("FM001", error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.InRange(error.Location.Line, 3, 5);
        Assert.Equal(6, result.FrontMatter.BodyStartLine);
    }

    [Fact]
    public void Given_an_indented_unclosed_flow_sequence_first_When_read_Then_FM001_and_no_exception()
    {
        // YamlDotNet throws InvalidOperationException (not YamlException) on this input; found through the preview.
        var text = Page("---", "  bad: [unclosed", "layout: job_family_page", "title: \"Payroll\"", "---", "Body");

        var result = FrontMatterReader.Read(Path, text);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("FM001", error.Code);
        Assert.Equal(2, error.Location.Line);
        Assert.Equal(6, result.FrontMatter.BodyStartLine);
    }

    [Fact]
    public void Given_the_generated_page_YamlDotNet_rejects_with_ArgumentException_When_read_Then_no_exception()
    {
        // YamlDotNet's representation model threw ArgumentException ("the current event is of an unsupported type")
        // on a generated page's front matter (seed fvaQkbhYbjy9 of the generated-pages property test, a CI run).
        PageGen.ValidIsh.Sample(page => FrontMatterReader.Read(Path, page) is not null, iter: 1, seed: "fvaQkbhYbjy9");
    }

    [Fact]
    public void Given_broken_yaml_elsewhere_When_read_Then_the_single_line_title_is_kept_and_only_FM001_is_reported()
    {
        // A description whose continuation line is not indented is invalid YAML; the title line itself is fine.
        var text = Page("---", "layout: job_family_page", "title: Revenue Process Owner", "description: \"Owns the revenue", "process.\"", "extra: [", "---", "Body");

        var result = FrontMatterReader.Read(Path, text);
        var diagnostics = new List<Diagnostic>(result.Diagnostics);
        var family = new JobFamilyParser().Parse(Path, result.FrontMatter, result.Body, new Handbook.JobFamilies.Model.SourceMap(Path), diagnostics);

        Assert.Equal("FM001", Assert.Single(diagnostics).Code);
        Assert.Equal("Revenue Process Owner", family.Title);
        Assert.Null(result.FrontMatter.Description);
    }

    [Fact]
    public void Given_a_tab_indented_key_on_line_4_When_read_Then_FM001_is_on_line_4()
    {
        var text = Page("---", "title: X", "extra_js:", "\t- a.js", "---");

        var result = FrontMatterReader.Read(Path, text);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("FM001", error.Code);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Given_an_unclosed_front_matter_When_read_Then_FM002_and_the_yaml_lines_are_not_rendered()
    {
        var text = Page("---", "title: Widget", "layout: job_family_page", "", "## Responsibilities");

        var result = FrontMatterReader.Read(Path, text);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("FM002", error.Code);
        Assert.Equal(1, error.Location.Line);
        Assert.Contains("line 3", error.Hint);
        Assert.Equal("Widget", result.FrontMatter.Title);
        Assert.DoesNotContain("layout", result.Body);
        Assert.Contains("## Responsibilities", result.Body);
    }

    [Fact]
    public void Given_no_opening_fence_but_front_matter_keys_When_read_Then_FM003_at_line_1_and_keys_are_used()
    {
        var text = Page("layout: job_family_page", "title: Program Management", "description: \"Runs programs\"", "---", "", "Intro text");

        var result = FrontMatterReader.Read(Path, text);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("FM003", error.Code);
        Assert.Equal(new SourceLocation(Path, 1, 1), error.Location);
        Assert.Equal("add '---' above line 1", error.Hint);
        Assert.Equal("Program Management", result.FrontMatter.Title);
        Assert.Equal("Runs programs", result.FrontMatter.Description);
        Assert.Equal("\n\n\n\n\nIntro text\n", result.Body);
    }

    [Fact]
    public void Given_a_page_starting_with_ordinary_text_When_read_Then_there_is_no_front_matter()
    {
        var text = Page("Note: this is prose.", "", "## Responsibilities");

        var result = FrontMatterReader.Read(Path, text);

        Assert.Empty(result.Diagnostics);
        Assert.False(result.HasFrontMatter);
        Assert.Equal(text, result.Body);
    }

    [Fact]
    public void Given_an_empty_file_When_read_Then_nothing_is_reported_here_and_the_parser_reports_the_missing_title()
    {
        var result = FrontMatterReader.Read(Path, string.Empty);
        var diagnostics = new List<Diagnostic>();
        var family = new JobFamilyParser().Parse(Path, string.Empty, diagnostics);

        Assert.Empty(result.Diagnostics);
        var error = Assert.Single(diagnostics);
        Assert.Equal("FM010", error.Code);
        Assert.Equal("Example", family.Title);
    }

    [Fact]
    public void Given_front_matter_without_title_When_parsed_Then_FM010_with_a_hint_naming_the_key()
    {
        var diagnostics = new List<Diagnostic>();

        new JobFamilyParser().Parse(Path, Page("---", "layout: job_family_page", "---", "Text only"), diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.Equal("FM010", error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("title:", error.Hint);
    }

    [Fact]
    public void Given_no_title_but_an_h1_When_parsed_Then_the_h1_is_the_title_with_warning_FM011()
    {
        var diagnostics = new List<Diagnostic>();

        var family = new JobFamilyParser().Parse(Path, Page("---", "layout: job_family_page", "---", "# Widget *Engineer*"), diagnostics);

        Assert.Equal("Widget Engineer", family.Title);
        var warning = Assert.Single(diagnostics);
        Assert.Equal("FM011", warning.Code);
        Assert.Equal(4, warning.Location.Line);
    }

    [Fact]
    public void Given_a_title_that_is_a_list_When_read_Then_FM005_at_its_line()
    {
        var text = Page("---", "layout: x", "title:", "  - a", "---");

        var result = FrontMatterReader.Read(Path, text);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("FM005", error.Code);
        Assert.Equal(4, error.Location.Line);
        Assert.Null(result.FrontMatter.Title);
    }

    [Fact]
    public void Given_front_matter_that_is_not_a_mapping_When_read_Then_FM004()
    {
        var result = FrontMatterReader.Read(Path, Page("---", "- just", "- a list", "---"));

        Assert.Equal("FM004", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Given_crlf_line_endings_When_read_Then_values_have_no_carriage_returns_and_lines_are_kept()
    {
        var text = "---\r\ntitle: Widget\r\n---\r\n## Responsibilities\r\n";

        var result = FrontMatterReader.Read(Path, text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Widget", result.FrontMatter.Title);
        Assert.Equal("\n\n\n## Responsibilities\n", result.Body); // line ends normalised to \n, every line kept
    }

    [Fact]
    public void Given_lone_carriage_returns_When_read_Then_each_ends_a_line_as_Markdig_counts_it()
    {
        var text = "---\rtitle: Widget\r---\r## Responsibilities\r";

        var result = FrontMatterReader.Read(Path, text);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Widget", result.FrontMatter.Title);
        Assert.Equal("\n\n\n## Responsibilities\n", result.Body);
    }

    [Fact]
    public void Given_a_byte_order_mark_When_read_Then_the_front_matter_is_still_found()
    {
        var result = FrontMatterReader.Read(Path, "\uFEFF---\ntitle: Widget\n---\n");

        Assert.Equal("Widget", result.FrontMatter.Title);
    }

    [Fact]
    public void Given_a_multi_line_quoted_description_When_read_Then_it_is_one_value()
    {
        var result = FrontMatterReader.Read(Path, Page("---", "title: X", "description: \"first", "  second\"", "---"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal("first second", result.FrontMatter.Description);
    }

    [Fact]
    public void Given_a_quoted_description_continued_on_an_unindented_line_When_read_Then_it_is_one_value_as_libyaml_reads_it()
    {
        var result = FrontMatterReader.Read(Path, Page(
            "---", "layout: job_family_page", "title: \"Widget Planner\"",
            "description: \"Widget Planners shape the future of the", "whole widget line\" ", "---", "Body"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Widget Planners shape the future of the whole widget line", result.FrontMatter.Description);
        Assert.Equal("job_family_page", result.FrontMatter.Layout);
        Assert.Equal("Widget Planner", result.FrontMatter.Title);
    }

    [Theory]
    [InlineData("description: 'it''s the", "planner''s page'", "it's the planner's page")]
    [InlineData("description: \"a \\\" quote and", "more\"", "a \" quote and more")]
    public void Given_an_escaped_quote_inside_an_unindented_continuation_When_read_Then_the_value_ends_at_the_real_closing_quote(
        string first, string second, string expected)
    {
        var result = FrontMatterReader.Read(Path, Page("---", "title: X", first, second, "layout: x", "---"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, result.FrontMatter.Description);
        Assert.Equal("x", result.FrontMatter.Layout);
    }

    [Fact]
    public void Given_a_quoted_value_never_closed_When_read_Then_it_is_still_FM001()
    {
        var result = FrontMatterReader.Read(Path, Page("---", "title: X", "description: \"never closed", "next: line", "---"));

        Assert.Contains(result.Diagnostics, d => d.Code == "FM001");
        Assert.Equal("X", result.FrontMatter.Title);
    }

    [Theory]
    [InlineData("weight: thirty", "FM006", 3, 9, "'weight: thirty' is not a number", "write a whole number")]
    [InlineData("weight: 3O", "FM006", 3, 9, "'weight: 3O' is not a number", "'weight: 30'")]
    [InlineData("weight: 30\nweight: 40", "FM001", 4, 1, "Duplicate key weight", "'weight' is already set on line 3")]
    [InlineData("\tweight: 30", "FM001", 3, 1, "tab", "indent with spaces")]
    [InlineData("weight:30", "FM001", 3, 1, "could not find expected ':'", "put a space after the colon: 'weight: 30'")]
    public void Given_a_mistake_in_a_level_pages_front_matter_When_read_Then_its_line_and_a_hint_naming_the_fix(string weightLine, string code, int line, int column, string message, string hint)
    {
        var text = Page("---", "title: \"Senior Gear Fitter\"", weightLine, "---", "", "Body");

        var result = FrontMatterReader.Read(Path, text);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((code, line, column), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        Assert.Contains(hint, d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_title_with_no_space_after_its_colon_When_read_Then_FM001_on_that_line_and_the_title_is_still_kept()
    {
        // YamlDotNet stops on the next line, where the unquoted value runs into the next key.
        var text = Page("---", "title:\"Senior Gear Fitter\"", "weight: 30", "---", "", "Body");

        var result = FrontMatterReader.Read(Path, text);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("FM001", 2, 7), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Equal("put a space after the colon: 'title: \"Senior Gear Fitter\"'", d.Hint);
        Assert.Equal("Senior Gear Fitter", result.FrontMatter.Title);
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("-5", -5)]
    [InlineData("2.5", 2.5)]
    public void Given_a_numeric_weight_When_read_Then_no_diagnostic_and_the_weight(string written, double weight)
    {
        var result = FrontMatterReader.Read(Path, Page("---", "title: \"Gear Fitter\"", "weight: " + written, "---"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal((decimal)weight, result.FrontMatter.Weight);
        Assert.Equal(3, result.FrontMatter.Positions["weight"].Line);
    }

    [Fact]
    public void Given_toml_front_matter_When_read_Then_FM007_its_lines_are_not_body_text_and_its_title_is_kept()
    {
        var text = Page("+++", "title = \"Senior Gear Fitter\"", "weight = 30", "+++", "", "Body");

        var result = FrontMatterReader.Read(Path, text);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("FM007", Severity.Error, 1, 1), (d.Code, d.Severity, d.Location.Line, d.Location.Column));
        Assert.Contains("'title: \"X\"'", d.Hint, StringComparison.Ordinal);
        Assert.Equal("Senior Gear Fitter", result.FrontMatter.Title);
        Assert.Equal(5, result.FrontMatter.BodyStartLine);
        Assert.Equal(text.Split('\n').Length, result.Body.Split('\n').Length);
        Assert.DoesNotContain("+++", result.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("weight", result.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\n\ttitle: \"Gear Fitter\"\n---\n", 2)]
    [InlineData("---\n\ttitle: \"Gear Fitter\"\nweight: 10\n---\n", 2)]
    public void Given_the_first_key_indented_with_a_tab_When_read_Then_FM001_on_that_line_as_libyaml_rejects_it(string text, int line)
    {
        // YamlDotNet reads the first case; GitLab's YAML readers (libyaml, Hugo's) do not.
        var result = FrontMatterReader.Read(Path, text);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("FM001", line, 1), (d.Code, d.Location.Line, d.Location.Column));
        Assert.StartsWith("indent with spaces", d.Hint, StringComparison.Ordinal);
        Assert.Equal("Gear Fitter", result.FrontMatter.Title);
    }

    [Fact]
    public void Given_only_a_title_with_no_space_after_its_colon_When_read_Then_FM004_with_the_fix_and_the_title_kept()
    {
        var result = FrontMatterReader.Read(Path, "---\ntitle:\"Gear Fitter\"\n---\n\nBody\n");

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("FM004", 2, 7), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Equal("put a space after the colon: 'title: \"Gear Fitter\"'", d.Hint);
        Assert.Equal("Gear Fitter", result.FrontMatter.Title);
    }
}
