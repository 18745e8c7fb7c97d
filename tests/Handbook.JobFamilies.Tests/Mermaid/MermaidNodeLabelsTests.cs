namespace Handbook.JobFamilies.Tests.Mermaid;

using Handbook.JobFamilies.Mermaid;

/// <summary>
/// A node's label as its diagram defines it (<see cref="MermaidNodeLabels"/>): the first line, not a comment, where the
/// id stands as a whole id followed by a bracketed label; one pattern serves every node.
/// </summary>
public sealed class MermaidNodeLabelsTests
{
    [Theory]
    [InlineData("  jr(Junior Baker)-->sr[Senior Baker];", "jr", "Junior Baker")]
    [InlineData("  a-->jr[ Junior Baker ];", "jr", "Junior Baker")]
    [InlineData("jr{\"Junior Cook\"}-->x;", "jr", "Junior Cook")]
    [InlineData("  eng:jr([Junior Engineer])-->eng:sr;", "eng:jr", "Junior Engineer")]
    [InlineData("  xjr(Longer id)-->jr(Whole id);", "jr", "Whole id")]
    [InlineData("  eng:jr(Prefixed)-->jr(Plain);", "jr", "Plain")]
    [InlineData("  a-jr(Hyphenated)-->b;", "jr", null)]
    [InlineData("  jr-->sr;", "jr", null)]
    [InlineData("  aaa[Three]", "aa", null)]
    [InlineData("  b.a(Dot before)", "a", "Dot before")]
    public void Given_a_line_When_a_node_is_looked_up_Then_the_label_of_its_whole_id_is_found(string line, string node, string? expected)
    {
        Assert.Equal(expected, MermaidNodeLabels.Find(["graph LR;", line], node));
    }

    [Fact]
    public void Given_the_same_node_id_in_two_diagrams_When_its_label_is_looked_up_in_each_Then_each_gives_its_own_label()
    {
        // Given / When
        var first = MermaidNodeLabels.Find(["graph LR;", "  jr(Junior Baker)-->sr[Senior Baker];"], "jr");
        var second = MermaidNodeLabels.Find(["graph LR;", "  %% jr(Commented out)", "  jr{\"Junior Cook\"}-->x;"], "jr");

        // Then
        Assert.Equal("Junior Baker", first);
        Assert.Equal("Junior Cook", second);
    }

    [Fact]
    public void Given_an_id_that_looks_like_a_pattern_When_looked_up_Then_it_is_matched_as_text()
    {
        Assert.Equal("Literal", MermaidNodeLabels.Find(["  a.b(Literal)", "  axb(Not this)"], "a.b"));
        Assert.Null(MermaidNodeLabels.Find(["  axb(Not this)"], "a.b"));
    }
}
