namespace Handbook.JobFamilies.Tests.Extends;

/// <summary>
/// Issue 9: <c>ExtendsResolver.MatchIn</c> scores a page's roles into a scratch list and makes nodes only for the best
/// ones (roles in the order levels, specialties, page role; the page title and the word "general" for the general
/// sections). These pin what a named target resolves to on each of those paths; they passed unchanged on the version
/// that built a node for every scored role.
/// </summary>
public class RoleNameScoringTests
{
    [Fact]
    public void Given_a_statement_naming_the_page_title_When_the_page_has_general_sections_Then_it_extends_the_general_sections()
    {
        var f = ExtendsFixture.Run(("job-families/sales/widget-analyst.md", """
            ---
            title: Widget Analyst
            ---
            ## Responsibilities

            * Analyse widgets

            ## Levels

            ### Senior Widget Analyst

            #### Responsibilities

            * Extends that of the Widget Analyst responsibilities
            * Lead widget reviews
            """));

        var link = Assert.Single(f.Role("Senior Widget Analyst").Extends);
        Assert.Equal("Widget Analyst", link.Role);
        Assert.Empty(f.Diagnostics);
        Assert.Contains("Analyse widgets", f.ItemTexts("Senior Widget Analyst", Model.SectionKind.Responsibilities).Select(t => t[(t.IndexOf(']', StringComparison.Ordinal) + 1)..].Trim()));
    }

    [Fact]
    public void Given_a_level_and_a_specialty_of_the_same_name_When_named_Then_the_level_wins_the_tie()
    {
        var f = ExtendsFixture.RunPage("""
            ## Levels

            ### Widget Analyst

            #### Responsibilities

            * Level duty

            ### Senior Widget Analyst

            #### Responsibilities

            * Extends that of the Widget Analyst responsibilities

            ## Specialties

            ### Widget Analyst

            * Specialty duty
            """);

        var link = Assert.Single(f.Role("Senior Widget Analyst").Extends);
        Assert.EndsWith("#widget-analyst", link.Url, StringComparison.Ordinal); // the level's anchor, not the specialty's "-1"
        Assert.DoesNotContain(f.Diagnostics, d => d.Code == "EXTENDS003");
    }

    [Fact]
    public void Given_a_specialty_named_with_its_level_s_words_When_named_Then_it_resolves_to_the_specialty()
    {
        var f = ExtendsFixture.RunPage("""
            ## Levels

            ### Manager, Payroll

            #### Responsibilities

            * Run payroll

            ## Specialties

            ### International Payroll

            #### Responsibilities

            * Run international payroll

            ### Domestic Payroll

            #### Responsibilities

            * Extends that of the Manager, International Payroll responsibilities
            """);

        var link = Assert.Single(f.Role("Domestic Payroll").Extends);
        Assert.Equal("International Payroll", link.Role);
    }
}
