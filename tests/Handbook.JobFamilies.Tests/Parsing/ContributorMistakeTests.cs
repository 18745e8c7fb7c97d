namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Mistakes that used to leave no trace (found by the mistake catalogue over the real pages,
/// <c>ContributorMistakeCatalogueTests</c>): each is reported at the line of the mistake, with a hint.
/// </summary>
public sealed class ContributorMistakeTests
{
    private const string Path = "job-families/widgets/widget-analyst.md";
    private readonly List<Diagnostic> _diagnostics = [];

    [Theory]
    [InlineData("```")]
    [InlineData("~~~~")]
    [InlineData("```yaml")]
    public void Given_a_code_fence_never_closed_When_parsed_Then_MD007_at_the_fence_and_the_levels_after_it_are_lost(string fence)
    {
        var text = "---\ntitle: Widget Analyst\n---\n## Levels\n\n" + fence + "\n\n### Senior Widget Analyst\n\n* Polishes widgets\n";

        var family = new JobFamilyParser().Parse(Path, text, _diagnostics);

        var warning = Assert.Single(_diagnostics, d => d.Code == "MD007");
        Assert.Equal(new SourceLocation(Path, 6, 1), warning.Location);
        Assert.Contains("never closed", warning.Message, StringComparison.Ordinal);
        Assert.Contains("(4 lines)", warning.Message, StringComparison.Ordinal);
        Assert.Contains(fence[..3], warning.Hint, StringComparison.Ordinal);
        Assert.Empty(family.Levels);
    }

    [Fact]
    public void Given_a_fence_whose_closing_line_is_missing_before_another_code_block_When_parsed_Then_MD007_names_the_swallowed_opening()
    {
        // The bare fence meant to close the second block closes the first instead, so nothing is left open.
        var text = "---\ntitle: Widget Analyst\n---\n```\nwidget --sort\n\n## Levels\n\n```mermaid\ngraph LR\n```\n";

        new JobFamilyParser().Parse(Path, text, _diagnostics);

        var warning = Assert.Single(_diagnostics, d => d.Code == "MD007");
        Assert.Equal(new SourceLocation(Path, 4, 1), warning.Location);
        Assert.Contains("runs past '```mermaid' (line 9)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'```'", warning.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_longer_fence_that_shows_a_code_block_as_an_example_When_parsed_Then_no_MD007()
    {
        var text = "---\ntitle: Widget Analyst\n---\n````markdown\n```yaml\nkey: value\n```\n````\n";

        new JobFamilyParser().Parse(Path, text, _diagnostics);

        Assert.DoesNotContain(_diagnostics, d => d.Code == "MD007");
    }

    [Fact]
    public void Given_closed_fences_and_a_fence_ended_by_its_list_item_When_parsed_Then_no_MD007()
    {
        var text = "---\ntitle: Widget Analyst\n---\n```\ncode\n```\n\n- item\n\n  ```\n  in the item\n\nAfter the list\n";

        new JobFamilyParser().Parse(Path, text, _diagnostics);

        Assert.DoesNotContain(_diagnostics, d => d.Code == "MD007");
    }

    [Fact]
    public void Given_a_level_heading_pasted_twice_When_parsed_Then_MD006_at_the_second_naming_the_first_line()
    {
        var text = "---\ntitle: Widget Analyst\n---\n## Levels\n\n### Senior Widget Analyst\n\n#### Responsibilities\n\n* Polishes widgets\n\n"
            + "### Staff Widget Analyst\n\n* Leads\n\n### senior widget analyst\n\n#### Responsibilities\n\n* Sorts widgets\n";

        var family = new JobFamilyParser().Parse(Path, text, _diagnostics);

        var warning = Assert.Single(_diagnostics, d => d.Code == "MD006");
        Assert.Equal(new SourceLocation(Path, 16, 1), warning.Location);
        Assert.Contains("'senior widget analyst' is written twice on the page (first on line 6)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("#senior-widget-analyst-1", warning.Hint, StringComparison.Ordinal);
        Assert.Equal(3, family.Levels.Count);
    }

    [Fact]
    public void Given_a_level_title_repeated_as_its_own_sub_heading_When_parsed_Then_no_MD006()
    {
        var text = "---\ntitle: Widget Analyst\n---\n## Levels\n\n## Widget Analyst\n\n### Widget Analyst\n\n#### Responsibilities\n\n* Polishes widgets\n";

        new JobFamilyParser().Parse(Path, text, _diagnostics);

        Assert.DoesNotContain(_diagnostics, d => d.Code == "MD006");
    }

    [Fact]
    public void Given_a_specialty_name_used_under_two_levels_When_parsed_Then_no_MD006_but_a_copy_under_one_level_is()
    {
        var text = "---\ntitle: Widget Manager\n---\n## Levels\n\n### Widget Manager\n\n#### Job Grade\n\nA grade 8.\n\n#### Specialties\n\n##### Gears\n\n* Owns gears\n\n"
            + "### Senior Widget Manager\n\n#### Job Grade\n\nA grade 9.\n\n#### Specialties\n\n##### Gears\n\n* Owns all gears\n\n##### Gears\n\n* Pasted twice\n";

        var family = new JobFamilyParser().Parse(Path, text, _diagnostics);

        var warning = Assert.Single(_diagnostics, d => d.Code == "MD006");
        Assert.Equal(3, family.Specialties.Count);
        Assert.Contains("'Gears' is written twice on the page (first on line 26)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_unfilled_template_repeating_a_placeholder_level_When_parsed_Then_MD005_once_and_no_MD006()
    {
        var text = "---\ntitle: Widget Analyst\n---\n## Levels\n\n### {add name of level}\n\n#### {add Level} Job Grade\n\n"
            + "### {add name of level}\n\n#### {add Level} Job Grade\n";

        new JobFamilyParser().Parse(Path, text, _diagnostics);

        Assert.Single(_diagnostics, d => d.Code == "MD005");
        Assert.DoesNotContain(_diagnostics, d => d.Code == "MD006");
    }

    [Fact]
    public void Given_front_matter_whose_closing_line_was_deleted_and_a_rule_later_When_read_Then_FM002_names_the_line_and_the_text_is_kept()
    {
        var text = "---\nlayout: job_family_page\ntitle: Widget Analyst\n\nWidget analysts keep the widgets in order.\n\n---\n\n## Levels\n";

        var result = FrontMatterReader.Read(Path, text);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("FM002", error.Code);
        Assert.Equal(new SourceLocation(Path, 1, 1), error.Location);
        Assert.Contains("the '---' on line 7 ends it only after page text (line 5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(line 3)", error.Hint, StringComparison.Ordinal);
        Assert.Equal("Widget Analyst", result.FrontMatter.Title);
        Assert.Contains("Widget analysts keep the widgets in order.", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_unclosed_quote_before_the_closing_line_When_read_Then_it_stays_FM001()
    {
        var text = "---\ntitle: \"Widget Analyst\ndescription: Sorts widgets\n---\n\nText\n\n---\n";

        var result = FrontMatterReader.Read(Path, text);

        Assert.Equal("FM001", Assert.Single(result.Diagnostics).Code);
    }
}
