namespace Handbook.JobFamilies.Tests.Parsing;

using CsCheck;
using Handbook.JobFamilies.Parsing;

/// <summary>
/// Issue 9: <see cref="RoleFinder.NamesMatch"/> answers "yes" for two equal texts without building their word sets.
/// Given any text, when it is compared with itself by its words, then the answer is also "yes", so the shortcut
/// changes nothing; different texts still go through the words.
/// </summary>
public class RoleNamesMatchTests
{
    [Fact]
    public void Given_any_text_When_compared_with_itself_by_its_words_Then_it_matches()
    {
        Gen.String[Gen.Char["aSs -,()&*_.'\"\u2013Senior Manager of the"], 0, 30].Sample(
            text => Assert.True(RoleFinder.NamesMatchByWords(text, text)), iter: 20_000);
        Assert.True(RoleFinder.NamesMatchByWords("Senior Manager, Sales", "Senior Manager, Sales"));
        Assert.True(RoleFinder.NamesMatchByWords(string.Empty, string.Empty));
    }

    [Theory]
    [InlineData("Vice President of SA", "Vice President of Solution Architecture (SA)", true)]
    [InlineData("Senior Manager, X", "Manager, X", false)]
    [InlineData("Director, Channel Operations", "Director, Channel Operations", true)]
    [InlineData("Data Scientists", "data scientist", true)]
    [InlineData("Manager, WSE", "Manager, Widget Support Engineers", true)]
    [InlineData("Manager, Widget Support Engineers", "Manager, WSE", true)]
    [InlineData("Senior Manager, WSE", "Manager, Widget Support Engineers", false)]
    [InlineData("Manager, WSE", "Manager, Widget Sales", false)]
    [InlineData("Manager, wse", "Manager, Widget Support Engineers", false)]
    public void Given_two_names_When_compared_Then_the_words_decide(string prefix, string roleName, bool expected)
    {
        Assert.Equal(expected, RoleFinder.NamesMatch(prefix, roleName));
        Assert.Equal(expected, RoleFinder.NamesMatchByWords(prefix, roleName));
    }
}
