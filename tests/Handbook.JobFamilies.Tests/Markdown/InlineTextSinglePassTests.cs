namespace Handbook.JobFamilies.Tests.Markdown;

using CsCheck;
using Handbook.JobFamilies.Markdown;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Tests.Fuzz;
using Handbook.JobFamilies.Tests.Parsing.Oracles;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Issue 9: <see cref="InlineText"/> collapses whitespace while it gathers the text (one string per call) instead of
/// gathering into a builder and collapsing into a second one. Given any node of a parsed page, when its text is taken,
/// then it is exactly what the old implementation (<see cref="OracleInlineText"/>) gives.
/// </summary>
public class InlineTextSinglePassTests
{
    private static readonly MarkdownPipeline Pipeline = JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions());

    /// <summary>Whitespace of every kind Markdig and the collapser know, plus letters and a surrogate half.</summary>
    private static readonly Gen<string> Texts = Gen.String[Gen.Char["ab \t\n\r\u00A0\u2003\u2028\u0085\v\fé\uD83D"], 0, 24];

    [Fact]
    public void Given_the_sample_and_real_pages_When_every_node_is_read_Then_the_text_is_the_oracle_s()
    {
        var nodes = 0;
        foreach (var (path, text) in OraclePages.All())
        {
            nodes += AssertSameAsOracle(path, text);
        }

        Assert.True(nodes > 1000, $"only {nodes} nodes compared");
    }

    [Fact]
    public void Given_generated_pages_When_every_node_is_read_Then_the_text_is_the_oracle_s()
    {
        PageGen.ValidIsh.Sample(page => AssertSameAsOracle("generated", page) >= 0, iter: 300);
    }

    [Fact]
    public void Given_any_text_When_collapsed_Then_it_is_the_oracle_s_and_collapsed_text_is_returned_as_it_is()
    {
        Texts.Sample(text =>
        {
            var collapsed = InlineText.Collapse(text);
            Assert.Equal(OracleInlineText.Collapse(text), collapsed);
            Assert.Same(collapsed, InlineText.Collapse(collapsed));
        }, iter: 20_000);
    }

    [Fact]
    public void Given_a_bullet_longer_than_the_first_buffer_When_read_Then_nothing_is_lost()
    {
        var words = string.Join("  \t", Enumerable.Range(0, 400).Select(i => "word" + i));
        var document = JobFamilyMarkdown.Parse("- " + words + "\n  - nested *" + words + "*\n", Pipeline);
        var item = document.Descendants<ListItemBlock>().First();

        Assert.Equal(OracleInlineText.Of((Block)item), InlineText.Of((Block)item));
        Assert.True(InlineText.Of((Block)item).Length > 2 * 400 * 6);
    }

    private static int AssertSameAsOracle(string path, string text)
    {
        var document = JobFamilyMarkdown.ParseWithinLimits(FrontMatterReader.Read(path, text).Body, Pipeline, out _);
        var compared = 0;
        foreach (var block in document.Descendants<Block>())
        {
            Assert.Equal(OracleInlineText.Of(block), InlineText.Of(block));
            compared++;
            if (block is LeafBlock leaf)
            {
                Assert.Equal(OracleInlineText.Of(leaf), InlineText.Of(leaf));
                foreach (var container in leaf.Inline?.Descendants<ContainerInline>() ?? [])
                {
                    Assert.Equal(OracleInlineText.Of(container), InlineText.Of(container));
                    compared++;
                }
            }
        }

        return compared;
    }
}
