namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Model;

public class ExpandExtendsTests
{
    private const string Ladder = """
        ---
        title: Widget Analyst
        ---

        ## Levels

        ### Widget Analyst (Intermediate)

        #### Widget Analyst (Intermediate) Responsibilities

        * Count the widgets
        * Report the count

        #### Widget Analyst (Intermediate) Requirements

        * Can count

        ### Senior Widget Analyst

        #### Senior Widget Analyst Responsibilities

        * Extends the Widget Analyst (Intermediate) responsibilities
        * Coach other analysts

        #### Senior Widget Analyst Requirements

        * Extends the Widget Analyst (Intermediate) requirements
        * Five years of counting

        ### Staff Widget Analyst

        #### Staff Widget Analyst Responsibilities

        * Extends the Senior Widget Analyst responsibilities
        * Set the counting strategy
        """;

    [Fact]
    public void A_level_inherits_the_items_of_the_level_it_extends_transitively()
    {
        var f = ExtendsFixture.RunPage(Ladder);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["Extends the Senior Widget Analyst responsibilities", "[Widget Analyst (Intermediate)] Count the widgets", "[Widget Analyst (Intermediate)] Report the count", "[Senior Widget Analyst] Coach other analysts", "Set the counting strategy"],
            f.ItemTexts("Staff Widget Analyst", SectionKind.Responsibilities));
    }

    private const string PreviousRolesLadder = """
        ---
        title: Gadget Planning
        ---

        ## Planner Roles

        ### Gadget Planner

        #### Gadget Planner Responsibilities

        - Plan the gadgets

        ### Senior Gadget Planner

        #### Senior Gadget Planner Responsibilities

        - All responsibilities of previous roles plus:
        - Plan the larger gadgets

        ## Manager Roles

        ### Manager, Gadget Planning

        #### Manager, Gadget Planning Responsibilities

        - Hire the planners

        ### Lead Gadget Coordinator

        #### Lead Gadget Coordinator Responsibilities

        - Coordinate the planners

        ### Senior Manager, Gadget Planning

        #### Senior Manager, Gadget Planning Responsibilities

        - All responsibilities of previous manager roles plus:
        - Set the planning budget
        """;

    [Fact]
    public void Previous_roles_are_the_role_above_and_previous_manager_roles_the_nearest_manager_above()
    {
        var f = ExtendsFixture.RunPage(PreviousRolesLadder);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["All responsibilities of previous roles plus:", "[Gadget Planner] Plan the gadgets", "Plan the larger gadgets"],
            f.ItemTexts("Senior Gadget Planner", SectionKind.Responsibilities));
        Assert.Equal(
            ["All responsibilities of previous manager roles plus:", "[Manager, Gadget Planning] Hire the planners", "Set the planning budget"],
            f.ItemTexts("Senior Manager, Gadget Planning", SectionKind.Responsibilities));
    }

    [Fact]
    public void Previous_roles_of_the_first_role_without_a_general_section_is_still_reported()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gadget Planner
            ---

            ## Levels

            ### Gadget Planner

            #### Gadget Planner Responsibilities

            - All responsibilities of previous roles plus:
            - Plan the gadgets
            """);

        Assert.Equal("EXTENDS001", Assert.Single(f.Diagnostics).Code);
    }

    [Fact]
    public void Must_meet_the_requirements_for_a_level_inherits_its_requirements()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gadget Engineer
            ---

            ## Levels

            ### Senior Gadget Engineer

            #### Senior Gadget Engineer Requirements

            - Builds gadgets alone

            ### Staff Gadget Engineer

            #### Staff Gadget Engineer Requirements

            - The engineer must meet the requirements for a [Senior Gadget Engineer](#senior-gadget-engineer) (or above).
            - Designs gadget families
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["The engineer must meet the requirements for a Senior Gadget Engineer (or above).", "[Senior Gadget Engineer] Builds gadgets alone", "Designs gadget families"],
            f.ItemTexts("Staff Gadget Engineer", SectionKind.Requirements));
    }

    [Fact]
    public void A_statement_linking_another_site_whose_words_fit_only_its_own_role_is_left_without_error()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gadget Engineer
            ---

            ## Levels

            ### Senior Gadget Engineer

            #### Senior Gadget Engineer Requirements

            - The engineer must meet the requirements for a [Senior Engineer](https://example.com/ladders/widget-engineer.md#senior).
            - Builds gadgets alone
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["The engineer must meet the requirements for a Senior Engineer.", "Builds gadgets alone"],
            f.ItemTexts("Senior Gadget Engineer", SectionKind.Requirements));
    }

    [Fact]
    public void A_statement_whose_plain_name_fits_only_its_own_role_still_extends_itself()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gadget Engineer
            ---

            ## Levels

            ### Senior Gadget Engineer

            #### Senior Gadget Engineer Requirements

            - Extends that of the Senior Gadget Engineer requirements
            - Builds gadgets alone
            """);

        Assert.Equal("EXTENDS002", Assert.Single(f.Diagnostics).Code);
    }

    [Fact]
    public void A_statement_pointing_outside_the_site_is_inherited_as_an_ordinary_bullet()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gadget Engineer
            ---

            ## Levels

            ### Senior Gadget Engineer

            #### Senior Gadget Engineer Requirements

            - The engineer must meet the requirements for a [Senior Engineer](https://example.com/ladders/widget-engineer.md#senior).
            - Builds gadgets alone

            ### Staff Gadget Engineer

            #### Staff Gadget Engineer Requirements

            - Extends the Senior Gadget Engineer requirements
            - Designs gadget families
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["Extends the Senior Gadget Engineer requirements", "[Senior Gadget Engineer] The engineer must meet the requirements for a Senior Engineer.", "[Senior Gadget Engineer] Builds gadgets alone", "Designs gadget families"],
            f.ItemTexts("Staff Gadget Engineer", SectionKind.Requirements));
    }
}
