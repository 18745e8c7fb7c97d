namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;

/// <summary>
/// A role name an "extends" statement gives that is on no role of its own page is searched on the other pages: one best
/// match (a near-exact name) is taken; two equally good ones on different pages are ambiguous and give EXTENDS001 with
/// the own page's closest role names, nearest first and then by name. (The search and the hint no longer use LINQ over
/// value tuples, which were JIT-compiled in every build; issue 9.)
/// </summary>
public sealed class CrossPageSearchTests
{
    private static string Page(string title, string roleName, string item) => $"""
        ---
        title: {title}
        ---

        ## Levels

        ### {roleName}

        #### Responsibilities

        * {item}
        """;

    private const string Reader = """
        ---
        title: Widget Analyst
        ---

        ## Levels

        ### Widget Analyst

        #### Responsibilities

        * Count widgets

        ### Senior Widget Analyst

        #### Responsibilities

        * Extends the Gadget Wrangler Lead responsibilities
        * Coach others
        """;

    [Fact]
    public void Given_the_named_role_on_exactly_one_other_page_When_expanded_Then_the_statement_inherits_from_it()
    {
        // When
        var run = ExtendsFixture.Run(
            ("job-families/sales/widget-analyst.md", Reader),
            ("job-families/make/gadget-wrangler.md", Page("Gadget Wrangler", "Gadget Wrangler Lead", "Wrangle gadgets")),
            ("job-families/make/bench-fitter.md", Page("Bench Fitter", "Bench Fitter", "Fit benches")));

        // Then
        Assert.Empty(run.Diagnostics);
        var items = run.ItemTexts("Senior Widget Analyst", SectionKind.Responsibilities);
        Assert.Contains(items, t => t.EndsWith("Wrangle gadgets", StringComparison.Ordinal));
        Assert.Contains("Coach others", items);
    }

    [Fact]
    public void Given_the_named_role_on_two_other_pages_When_expanded_Then_it_is_ambiguous_with_the_own_pages_closest_names_as_hint()
    {
        // When
        var run = ExtendsFixture.Run(
            ("job-families/sales/widget-analyst.md", Reader),
            ("job-families/make/gadget-wrangler.md", Page("Gadget Wrangler", "Gadget Wrangler Lead", "Wrangle gadgets")),
            ("job-families/ops/gadget-wrangler.md", Page("Gadget Wrangler Ops", "Gadget Wrangler Lead", "Wrangle more gadgets")));

        // Then
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("EXTENDS001", diagnostic.Code);
        Assert.Equal("did you mean 'Widget Analyst', 'Senior Widget Analyst'?", diagnostic.Hint);
    }

    [Fact]
    public void Given_hints_at_equal_distances_When_ordered_Then_nearest_come_first_and_ties_go_by_ordinal_name()
    {
        // Given
        RoleHint[] hints = [new("b", 2), new("a", 2), new("B", 2), new("z", 1), new("a", 3)];

        // When
        var ordered = Handbook.Pipeline.Collections.StableSort.ToSortedList(hints, RoleHint.Closer);

        // Then
        Assert.Equal(["z", "B", "a", "b", "a"], ordered.Select(h => h.Name));
        Assert.Equal([1, 2, 2, 2, 3], ordered.Select(h => h.Distance));
    }
}
