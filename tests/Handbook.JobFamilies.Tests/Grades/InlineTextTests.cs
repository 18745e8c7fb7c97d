namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// InlineText keeps positions per inline, not per character (issue 9): every character must still map to the
/// line, column and link of the source character it came from.
/// </summary>
public class InlineTextTests
{
    private static LeafBlock LastParagraph(string markdown) =>
        Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build()).Descendants<ParagraphBlock>().Last();

    [Fact]
    public void Given_emphasis_a_link_and_a_line_break_when_flattened_then_text_drops_the_markup()
    {
        var text = InlineText.Of(LastParagraph("Intro\n\nThe *Senior* role is a [grade 8](/c/#g-8).  \nNext line"));

        Assert.Equal("The Senior role is a grade 8.\nNext line", text.Text);
    }

    [Fact]
    public void Given_text_on_two_lines_when_positions_are_asked_then_each_character_has_its_source_line_and_column()
    {
        // Line 2 (0-based) holds "The *Senior* role …"; "Next line" is on line 3.
        var text = InlineText.Of(LastParagraph("Intro\n\nThe *Senior* role is a [grade 8](/c/#g-8).  \nNext line"));

        var grade = text.Text.IndexOf("grade", StringComparison.Ordinal);
        var next = text.Text.IndexOf("Next", StringComparison.Ordinal);

        Assert.Equal((2, 0), (text.Line(0), text.Column(0)));
        Assert.Equal((2, 24), (text.Line(grade), text.Column(grade)));
        Assert.Equal((3, 0), (text.Line(next), text.Column(next)));
        Assert.Equal((3, 8), (text.Line(text.Text.Length + 5), text.Column(text.Text.Length + 5))); // clamped to the last character
    }

    [Fact]
    public void Given_a_link_when_ranges_are_asked_then_only_its_text_is_linked()
    {
        var block = LastParagraph("A role is a [grade **8**](/c/#g-8) here.");
        var link = block.Inline!.Descendants<LinkInline>().Single();
        var text = InlineText.Of(block);

        Assert.Equal("A role is a grade 8 here.", text.Text);
        Assert.Equal((12, 19), text.RangeOf(link));
        Assert.Same(link, text.LinkAt(18));
        Assert.Null(text.LinkAt(19));
        Assert.True(text.IsUnlinked(0, 12));
        Assert.False(text.IsUnlinked(10, 3));
        Assert.False(text.IsUnlinked(18, 1));
        Assert.True(text.IsUnlinked(19, 100));
    }

    [Fact]
    public void Given_a_link_that_is_not_in_the_block_when_its_range_is_asked_then_there_is_none()
    {
        var other = LastParagraph("[x](/y)").Inline!.Descendants<LinkInline>().Single();
        var text = InlineText.Of(LastParagraph("No links here."));

        Assert.Null(text.RangeOf(other));
        Assert.True(text.IsUnlinked(0, text.Text.Length));
    }
}

/// <summary>Every paragraph, heading and table cell of the sample pages and the real pages maps exactly as the per-character reference does.</summary>
public class InlineTextEquivalenceTests
{
    [Fact]
    public void Every_block_of_the_sample_pages_maps_like_the_per_character_reference()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(SharedCorpus.RepositoryRoot, "input"), "*.md", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(pages);
        AssertAllEquivalent(pages);
    }

    [CorpusFact]
    public void Every_block_of_the_real_pages_maps_like_the_per_character_reference()
    {
        var pages = Directory.EnumerateFiles(SharedCorpus.PathOf("gitlab-job-families"), "*.md", SearchOption.AllDirectories).ToList();

        Assert.True(pages.Count > 100, $"only {pages.Count} corpus pages");
        AssertAllEquivalent(pages);
    }

    private static void AssertAllEquivalent(List<string> pages)
    {
        var parser = new JobFamilyParser();
        foreach (var page in pages)
        {
            var family = parser.Parse("job-families/" + Path.GetFileName(page), File.ReadAllText(page), new List<Diagnostic>());
            foreach (var block in family.Body.Descendants<LeafBlock>().Where(b => b.Inline?.FirstChild is not null))
            {
                AssertEquivalent(page, block);
            }
        }
    }

    private static void AssertEquivalent(string page, LeafBlock block)
    {
        var fast = InlineText.Of(block);
        var reference = PerCharacterInlineText.Of(block);
        var where = $"{page}:{block.Line + 1}";
        Assert.True(reference.Text == fast.Text, where);
        for (var i = -1; i <= fast.Text.Length; i++)
        {
            Assert.True(reference.Line(i) == fast.Line(i) && reference.Column(i) == fast.Column(i), $"{where} char {i}");
            Assert.True(ReferenceEquals(reference.LinkAt(i), fast.LinkAt(i)), $"{where} link at {i}");
            Assert.True(i < 0 || reference.IsUnlinked(i, 3) == fast.IsUnlinked(i, 3), $"{where} unlinked at {i}");
        }

        foreach (var link in block.Inline!.Descendants<LinkInline>())
        {
            Assert.True(reference.RangeOf(link) == fast.RangeOf(link), $"{where} range of {link.Url}");
        }
    }
}
