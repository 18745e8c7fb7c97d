namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Markdown;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Tests.Parsing.Oracles;
using Markdig;
using Markdig.Syntax;

/// <summary>
/// <see cref="JobFamilyMarkdown.Parse"/> lets go of Markdig's line-start table (issue 9: it lived with every tree until
/// rendering) and gives the same tree otherwise: the same nodes at the same lines, columns and spans, rendering the same
/// HTML, as Markdig's own parse that keeps the table.
/// </summary>
public sealed class JobFamilyMarkdownTests
{
    private static readonly MarkdownPipeline SitePipeline = JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions());

    [Fact]
    public void Given_a_page_When_parsed_Then_the_document_keeps_no_line_start_table_and_its_nodes_keep_their_lines()
    {
        // Given: a setext heading, a list, a link and emphasis on lines of different lengths
        const string body = "\n\nTitle line\n==========\n\n## Responsibilities\n\n- Own the *roadmap*\n- Work with [sales](/job-families/sales/)\n";

        // When
        var document = JobFamilyMarkdown.Parse(body, SitePipeline);

        // Then
        Assert.Null(document.LineStartIndexes);
        var link = document.Descendants<Markdig.Syntax.Inlines.LinkInline>().Single();
        Assert.Equal((8, 12), (link.Line, link.Column)); // 0-based: the ninth line, the "[" after "- Work with "
        Assert.Equal(2, document.Descendants<HeadingBlock>().First().Line);
    }

    [Fact]
    public void Given_the_sample_and_real_pages_When_parsed_Then_the_tree_and_its_html_equal_Markdigs_parse_that_keeps_the_table()
    {
        var pages = 0;
        foreach (var (path, text) in OraclePages.All())
        {
            // Given: the body as the build parses it (front matter blanked)
            var body = FrontMatterReader.Read(path, text).Body;
            var kept = Markdig.Markdown.Parse(body, SitePipeline);
            SetextHeadingLines.Fix(kept, body);
            Assert.NotNull(kept.LineStartIndexes);

            // When
            var released = JobFamilyMarkdown.Parse(body, SitePipeline);

            // Then
            Assert.Null(released.LineStartIndexes);
            Assert.Equal(Positions(kept), Positions(released));
            Assert.Equal(JobFamilyMarkdown.RenderHtml(kept, SitePipeline), JobFamilyMarkdown.RenderHtml(released, SitePipeline));
            pages++;
        }

        Assert.True(pages >= 10, $"only {pages} pages");
    }

    private static List<(string Type, int Line, int Column, int Start, int End)> Positions(MarkdownDocument document) =>
        document.Descendants().Select(node => (node.GetType().Name, node.Line, node.Column, node.Span.Start, node.Span.End)).ToList();
}
