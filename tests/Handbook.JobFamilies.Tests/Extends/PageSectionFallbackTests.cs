namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// A statement naming a level or specialty that has nothing of a kind inherits the page's own section of that kind,
/// which stands for every role of the page (engineering/support-engineer, finance/data-analyst).
/// </summary>
public class PageSectionFallbackTests
{
    [Fact]
    public void Given_requirements_written_once_beside_the_first_level_When_a_specialty_adds_to_them_Then_it_inherits_the_pages_requirements()
    {
        // Given "## Requirements" as a sibling of the first level, and a specialty "in addition to the above requirements"
        var f = ExtendsFixture.RunPage("""
            ---
            title: Widget Engineer
            ---

            ## Widget Engineer

            ### Responsibilities

            * Build widgets

            ## Requirements

            ### You've got the personality

            * Curious

            ### You're technical

            * Knows gears

            ## Specialties

            ### Federal Widget Engineer

            #### Requirements

            In addition to the above requirements for Widget Engineers, you will need:

            * Valid proof of citizenship
            """);

        // Then the specialty's requirements hold the page's, marked as inherited, before its own
        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["[Widget Engineer] Curious", "[Widget Engineer] Knows gears", "Valid proof of citizenship"],
            f.ItemTexts("Federal Widget Engineer", SectionKind.Requirements));
    }

    [Fact]
    public void Given_a_level_that_points_at_the_section_above_When_the_next_level_extends_it_Then_both_inherit_the_pages_section()
    {
        // Given page-level responsibilities, a junior level that only refers to them, and a level extending the junior
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gear Analyst
            ---

            ## Responsibilities

            * Count gears
            * Report counts

            ## Levels

            ### Junior Gear Analyst

            #### Junior Gear Analyst Responsibilities

            The responsibilities of the Junior Gear Analyst are listed in the Responsibilities section above.

            ### Gear Analyst (Intermediate)

            #### Gear Analyst (Intermediate) Responsibilities

            The responsibilities of the Gear Analyst extend the Junior Gear Analyst role and include:

            * Audit the counting
            """);

        // Then the intermediate level gets the page's bullets through the junior level it names
        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["[Gear Analyst] Count gears", "[Gear Analyst] Report counts", "Audit the counting"],
            f.ItemTexts("Gear Analyst (Intermediate)", SectionKind.Responsibilities));
    }

    [Fact]
    public void Given_a_target_with_bullets_of_its_own_When_it_is_extended_Then_the_pages_section_is_not_added()
    {
        // Given page-level requirements and a level with requirements of its own
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gear Analyst
            ---

            ## Requirements

            * Counts well

            ## Levels

            ### Gear Analyst

            #### Gear Analyst Requirements

            * Knows gear types

            ### Senior Gear Analyst

            #### Senior Gear Analyst Requirements

            * Extends the Gear Analyst requirements
            * Leads audits
            """);

        // Then only the named level's bullets are inherited: the page's section was not what the statement named
        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["Extends the Gear Analyst requirements", "[Gear Analyst] Knows gear types", "Leads audits"],
            f.ItemTexts("Senior Gear Analyst", SectionKind.Requirements));
    }

    [Fact]
    public void Given_neither_the_target_nor_the_page_has_the_section_When_it_is_extended_Then_nothing_is_inherited()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gear Analyst
            ---

            ## Levels

            ### Gear Analyst

            #### Gear Analyst Responsibilities

            * Count gears

            ### Senior Gear Analyst

            #### Senior Gear Analyst Requirements

            * Extends the Gear Analyst requirements
            * Leads audits
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(["Extends the Gear Analyst requirements", "Leads audits"], f.ItemTexts("Senior Gear Analyst", SectionKind.Requirements));
    }
}
