namespace Handbook.JobFamilies.Tests.Grades;

using CsCheck;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Tests.Fuzz;
using Handbook.JobFamilies.Tests.Parsing.Oracles;
using Markdig;
using Markdig.Syntax;

/// <summary>
/// Issue 9: the finder reads a block into an <see cref="InlineText"/> (text with positions) only when it holds "grade",
/// "](" or a calculator link. Given a page, when its mentions are found with that precheck and without it (every block
/// read, the old behaviour), then both lists are the same, field by field.
/// </summary>
public class GradeMentionCuePrecheckTests
{
    private static readonly MarkdownPipeline Pipeline = JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions());

    /// <summary>Blocks built to sit at the edges of the precheck: cues split over inlines, in links, code, entities, images.</summary>
    private static readonly Gen<string> EdgeBlocks = Gen.Select(
        Gen.OneOf(
            "The Senior X is a grade 8.", "The X is a gr*ade* 8.", "The X is a **Grade** 9", "is a `grade 7`", "a gr&#97;de 7",
            "[grade 7](/handbook/x/)", "[Grade 8](https://about.gitlab.com/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)",
            "[7](https://about.gitlab.com/handbook/total-rewards/compensation/compensation-calculator/)", "[here](/handbook/)",
            "![grade 7](/img.png)", "[text](((/handbook/x)))", "[grade 9](x)(y)", "[grades](https://gitlab.com/compensation-calculator)",
            "<https://example.com/grade>", "plain text", "](", "] (", "**Grade 7:**", "Levels 8", "level 10"),
        Gen.OneOf("", " ", "\n", "  \n", " and "),
        Gen.OneOf("", "next", "*GRADE* 12", "[x](/y)"),
        (first, separator, second) => first + separator + second);

    [Fact]
    public void Given_the_sample_and_real_pages_When_mentions_are_found_with_the_precheck_Then_they_are_those_found_reading_every_block()
    {
        var mentions = 0;
        foreach (var (path, text) in OraclePages.All())
        {
            mentions += AssertSameMentions(FrontMatterReader.Read(path, text).Body);
        }

        Assert.True(mentions > 50, $"only {mentions} mentions compared");
    }

    [Fact]
    public void Given_generated_pages_When_mentions_are_found_with_the_precheck_Then_they_are_those_found_reading_every_block()
    {
        PageGen.ValidIsh.Sample(page => AssertSameMentions(page) >= 0, iter: 300);
    }

    [Fact]
    public void Given_blocks_at_the_edges_of_the_precheck_When_mentions_are_found_Then_they_are_those_found_reading_every_block()
    {
        var found = 0;
        EdgeBlocks.Array[1, 6].Sample(blocks =>
        {
            var markdown = string.Join("\n\n", blocks) + "\n\n- " + string.Join("\n- ", blocks) + "\n\n| Level | Grade |\n|---|---|\n| Senior | " + blocks[0].Replace("\n", " ", StringComparison.Ordinal) + " |\n";
            Interlocked.Add(ref found, AssertSameMentions(markdown)); // CsCheck samples on several threads
        }, iter: 3_000);

        Assert.True(found > 1000, $"only {found} mentions compared");
    }

    private static int AssertSameMentions(string markdown)
    {
        var document = JobFamilyMarkdown.ParseWithinLimits(markdown, Pipeline, out _);
        var expected = GradeMentionFinder.Find(document, null, skipsBlocksWithoutCues: false);
        var actual = GradeMentionFinder.Find(document, null, skipsBlocksWithoutCues: true);
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Same(expected[i].Block, actual[i].Block);
            Assert.Same(expected[i].Node, actual[i].Node);
            Assert.Same(expected[i].Link, actual[i].Link);
        }

        return expected.Count;
    }

    private static string Describe(GradeMention m) =>
        $"{m.Form} [{string.Join(",", m.Values.Select(v => v.Text))}] '{m.Text}' {m.Line}:{m.Column} {m.Target} {m.HasGradeText} {m.NumberAfterLink?.Text} '{m.Subject}' {m.Row}";
}
