namespace Handbook.JobFamilies.Tests.Markdown;

using Handbook.JobFamilies.Markdown;
using Handbook.JobFamilies.Parsing;
using Markdig.Renderers.Html;
using Markdig.Syntax;

public sealed class KramdownIdsTests
{
    [Theory]
    [InlineData("Senior Backend Engineer", "senior-backend-engineer")]
    [InlineData("Manager, Solutions Architects", "manager-solutions-architects")]
    [InlineData("Director - Treasury", "director---treasury")]
    [InlineData("Trust & Safety", "trust--safety")]
    [InlineData("Distribution:Build", "distributionbuild")]
    [InlineData("CI/CD", "cicd")]
    [InlineData("Vice President of Solution Architecture (SA) Job Grade", "vice-president-of-solution-architecture-sa-job-grade")]
    [InlineData("1. Introduction", "introduction")]
    [InlineData("2021 Goals", "goals")]
    [InlineData("Café Team", "caf-team")]
    [InlineData("Nice-to-have's", "nice-to-haves")]
    [InlineData("Level 3 (L3)", "level-3-l3")]
    [InlineData("***", "section")]
    [InlineData("123", "section")]
    [InlineData("", "section")]
    [InlineData("日本語", "section")]
    public void Given_heading_text_When_an_id_is_generated_Then_it_matches_kramdown(string text, string expected)
    {
        Assert.Equal(expected, KramdownIds.Generate(text));
    }

    [Fact]
    public void Given_repeated_headings_When_ids_are_made_unique_Then_later_ones_get_numbered_suffixes_per_base_id()
    {
        var generator = new KramdownIdGenerator();

        var ids = new[] { "Responsibilities", "Requirements", "Responsibilities", "Responsibilities", "Requirements" }
            .Select(generator.Next).ToList();

        Assert.Equal(["responsibilities", "requirements", "responsibilities-1", "responsibilities-2", "requirements-1"], ids);
    }

    [Fact]
    public void Given_a_page_When_parsed_with_the_site_pipeline_Then_headings_get_unique_ids_from_their_plain_text()
    {
        var document = JobFamilyMarkdown.Parse(
            "## **Levels**\n\n### Senior [Backend](/x) Engineer\n\n#### Responsibilities\n\n### Staff\n\n#### Responsibilities\n",
            JobFamilyMarkdown.CreatePipeline());

        var ids = document.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).ToList();

        Assert.Equal(["levels", "senior-backend-engineer", "responsibilities", "staff", "responsibilities-1"], ids);
    }

    [Fact]
    public void Given_an_explicit_header_id_When_parsed_Then_it_is_kept_and_removed_from_the_text()
    {
        var pipeline = JobFamilyMarkdown.CreatePipeline();
        var document = JobFamilyMarkdown.Parse("## Senior Engineer {#senior}\n\n## Senior Engineer\n", pipeline);

        var headings = document.Descendants<HeadingBlock>().ToList();
        var html = JobFamilyMarkdown.RenderHtml(document, pipeline);

        Assert.Equal("senior", headings[0].GetAttributes().Id);
        Assert.Equal("senior-engineer", headings[1].GetAttributes().Id);
        Assert.Contains("<h2 id=\"senior\">Senior Engineer</h2>", html);
        Assert.DoesNotContain("{#", html);
    }

    [Fact]
    public void Given_markdown_features_used_by_real_pages_When_rendered_Then_tables_autolinks_and_raw_html_survive()
    {
        var pipeline = JobFamilyMarkdown.CreatePipeline();
        var document = JobFamilyMarkdown.Parse(
            "| Level | Grade |\n|---|---|\n| Senior | 7 |\n\nSee https://example.com and <a name=\"top\"></a>~~old~~\n", pipeline);

        var html = JobFamilyMarkdown.RenderHtml(document, pipeline);

        Assert.Contains("<table>", html);
        Assert.Contains("<a href=\"https://example.com\">https://example.com</a>", html);
        Assert.Contains("<a name=\"top\"></a>", html);
        Assert.Contains("<del>old</del>", html);
    }

    [Fact]
    public void Given_an_extra_extension_When_the_pipeline_is_created_Then_it_is_part_of_the_pipeline()
    {
        var pipeline = JobFamilyMarkdown.CreatePipeline([new Markdig.Extensions.Footnotes.FootnoteExtension()]);

        Assert.Contains(pipeline.Extensions, e => e is Markdig.Extensions.Footnotes.FootnoteExtension);
        Assert.Contains(pipeline.Extensions, e => e is KramdownHeadingIds);
    }

    [Fact]
    public void Given_a_parsed_page_When_heading_lines_are_read_Then_they_equal_the_file_lines()
    {
        var family = new JobFamilyParser().Parse(
            "job-families/sales/x.md", "---\ntitle: X\n---\n\n## Responsibilities\n\n* One\n", new List<Handbook.Pipeline.Diagnostics.Diagnostic>());

        var heading = family.Body.Descendants<HeadingBlock>().Single();

        Assert.Equal(5, family.Locate(heading.Line, heading.Column).Line);
        Assert.Equal(7, family.PageRole!.Responsibilities!.Items.Single().Location.Line);
    }
}
