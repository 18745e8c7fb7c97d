namespace Handbook.JobFamilies.Tests.Extends;

using CsCheck;
using Handbook.JobFamilies.Extends;

/// <summary>
/// <see cref="LinkedText.Collapse"/> returns an already collapsed text as it is (issue 9: no copy); it must give
/// exactly what building the collapsed copy gives, for every text.
/// </summary>
public class LinkedTextCollapseTests
{
    // Letters plus every character Collapse treats specially, so runs, edges and mixtures are common.
    private static readonly Gen<string> Texts = Gen.String[Gen.Char["ab .,\n\t\r\u00A0\u2018\u2019\u201C\u201D\u2013\u2014-'\""], 0, 12];

    [Fact]
    public void For_any_text_collapse_equals_the_collapsed_copy()
    {
        Texts.Sample(text => LinkedText.Collapse(text) == LinkedText.CollapseCopy(text), iter: 20_000);
    }

    [Theory]
    [InlineData("Extends the Senior role")]
    [InlineData("line one\nline two")]
    [InlineData("")]
    public void Given_a_collapsed_text_when_collapsed_then_the_same_string_comes_back(string text)
    {
        Assert.Same(text, LinkedText.Collapse(text));
    }

    [Theory]
    [InlineData(" leading", "leading")]
    [InlineData("trailing\n", "trailing")]
    [InlineData("two  spaces", "two spaces")]
    [InlineData("tab\there", "tab here")]
    [InlineData("run \n of space", "run\nof space")]
    [InlineData("\u2018quoted\u2019 \u2013 dash", "'quoted' - dash")]
    public void Given_a_text_to_straighten_when_collapsed_then_it_is_rewritten(string text, string expected)
    {
        Assert.Equal(expected, LinkedText.Collapse(text));
    }
}
