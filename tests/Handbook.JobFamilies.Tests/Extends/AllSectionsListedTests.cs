namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;

/// <summary>
/// Hugo-era wordings that were silently text: "All of the responsibilities listed for X" (a role) and "All requirements
/// listed above (applicable to all roles)" (the page's general list; without the parenthesis, the role above).
/// </summary>
public class AllSectionsListedTests
{
    [Theory]
    [InlineData("* All of the responsibilities listed for the Senior Widget Engineer, plus:", "Senior Widget Engineer", "Responsibilities")]
    [InlineData("* All requirements listed for [Staff Widget Engineer](#staff-widget-engineer)", "Staff Widget Engineer -> #staff-widget-engineer", "Requirements")]
    [InlineData("* All the responsibilities outlined under the Widget Engineer (Intermediate).", "Widget Engineer (Intermediate)", "Responsibilities")]
    public void Given_all_sections_listed_for_a_role_When_recognised_Then_that_role_is_the_target(string item, string target, string sections)
    {
        var s = ExtendsRecognizer.TryRecognize(item);

        Assert.NotNull(s);
        Assert.Equal("all-sections-listed-for", s.Wording);
        Assert.Equal(target, string.Join(" & ", s.Targets.Select(t => t.ToString())));
        Assert.Equal(sections, string.Join(",", s.Sections));
    }

    [Theory]
    [InlineData("* All requirements listed above (applicable to all roles)", "general")]
    [InlineData("* All of the requirements listed above (applicable to every level).", "general")]
    [InlineData("* All responsibilities listed above, plus:", "previous")]
    [InlineData("* All the requirements outlined above (in the intermediate level)", "previous")]
    public void Given_all_sections_listed_above_When_recognised_Then_the_parenthesis_decides_general_or_previous(string item, string target)
    {
        var s = ExtendsRecognizer.TryRecognize(item);

        Assert.NotNull(s);
        Assert.Equal("all-sections-listed-above", s.Wording);
        Assert.Equal(target, Assert.Single(s.Targets).ToString());
    }

    [Theory]
    [InlineData("* All requirements listed above are mandatory for every hire")]
    [InlineData("* All responsibilities listed for the team are shared")]
    [InlineData("* All of the requirements listed for this role apply")]
    public void Given_prose_about_lists_When_recognised_Then_it_is_no_statement(string item) =>
        Assert.Null(ExtendsRecognizer.TryRecognize(item));

    [Fact]
    public void Given_levels_written_this_way_When_expanded_Then_they_inherit_the_named_role_and_the_page_list()
    {
        var f = ExtendsFixture.RunPage("""
            ## Requirements

            * Uses widgets

            ## Levels

            ### Senior Widget Analyst

            #### Responsibilities

            * Count widgets

            ### Staff Widget Analyst

            #### Responsibilities

            * All of the responsibilities listed for the Senior Widget Analyst, plus:
            * Lead the count

            #### Requirements

            * All requirements listed above (applicable to all roles)
            * Ten years of counting
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Contains("[Senior Widget Analyst] Count widgets", f.ItemTexts("Staff Widget Analyst", SectionKind.Responsibilities));
        Assert.Contains(f.ItemTexts("Staff Widget Analyst", SectionKind.Requirements), t => t.EndsWith("Uses widgets", StringComparison.Ordinal));
    }
}
