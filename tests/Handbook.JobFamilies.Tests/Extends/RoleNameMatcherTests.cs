namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;

/// <summary>How a statement's role phrase is compared with the role names of a page.</summary>
public sealed class RoleNameMatcherTests
{
    private static double? Cost(string target, string candidate, string family = "Widget Support") =>
        RoleNameMatcher.Cost(RoleNameMatcher.Words(target), RoleNameMatcher.Words(candidate), RoleNameMatcher.Words(family).ToHashSet());

    [Fact]
    public void Given_the_same_name_When_compared_Then_the_cost_is_zero() =>
        Assert.Equal(0, Cost("Senior Widget Engineer", "senior widget engineer"));

    [Fact]
    public void Given_a_scope_word_the_role_lacks_When_compared_Then_it_still_matches_but_costs_more_than_an_exact_name()
    {
        var scoped = Cost("Global Widget Managers", "Manager, Widget Engineering");

        Assert.NotNull(scoped);
        Assert.True(scoped > Cost("Widget Managers", "Manager, Widget Engineering"));
    }

    [Fact]
    public void Given_a_different_level_word_When_compared_Then_it_is_another_role() =>
        Assert.Null(Cost("Senior Widget Engineer", "Staff Widget Engineer"));

    [Fact]
    public void Given_a_word_that_is_neither_scope_nor_family_When_missing_Then_the_names_do_not_match() =>
        Assert.Null(Cost("Gadget Widget Managers", "Manager, Widget Engineering"));

    [Fact]
    public void Given_words_in_another_order_When_compared_Then_the_written_order_wins()
    {
        Assert.True(Cost("Senior Widget Program Manager", "Senior Widget Programs Manager")
            < Cost("Senior Widget Program Manager", "Senior Manager, Widget Programs"));
    }

    [Theory]
    [InlineData("W&G Senior Program Manager")]
    [InlineData("W & G Senior Program Manager")]
    public void Given_an_ampersand_acronym_When_compared_Then_it_matches_the_words_it_abbreviates(string target) =>
        Assert.NotNull(Cost(target, "Senior Widgets & Gadgets Program Manager"));

    [Fact]
    public void Given_longer_words_around_an_ampersand_When_split_Then_they_stay_words() =>
        Assert.Equal(["widget", "gadget", "lead"], RoleNameMatcher.Words("Widgets & Gadgets Lead"));

    [Fact]
    public void Given_an_ampersand_acronym_When_split_Then_it_is_one_word() =>
        Assert.Equal(["wg", "lead"], RoleNameMatcher.Words("W&G Lead"));
}
