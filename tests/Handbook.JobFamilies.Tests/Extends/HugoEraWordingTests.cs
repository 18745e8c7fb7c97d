namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// Extends wordings first seen on Hugo-era pages (hugo20b), on pages of our own: each statement must inherit from the
/// role it names, with no diagnostic. Before, some were not recognised (silently nothing inherited: "… extend the X
/// job", "The X responsibilities, plus", "Extends to that of an X") and some were false EXTENDS001 errors ("Manager &amp;
/// Senior Manager, X", "previous roles").
/// </summary>
public class HugoEraWordingTests
{
    [Fact]
    public void Sections_for_a_level_extend_another_level_job()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Widget Planning
            ---

            ## Associate Widget Planner

            ### Responsibilities

            - Plan one widget

            ### Requirements

            - Can plan

            ## Widget Planner (Intermediate)

            ### Widget Planner Responsibilities

            Responsibilities for the Widget Planner (Intermediate) extend the Associate Widget Planner job. In addition:

            - Plan many widgets

            ### Widget Planner Requirements

            Requirements for the Widget Planner (Intermediate) extend the Associate Widget Planner job. In addition:

            - Has planned before
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(["[Associate Widget Planner] Plan one widget", "Plan many widgets"], f.ItemTexts("Widget Planner (Intermediate)", SectionKind.Responsibilities));
        Assert.Equal(["[Associate Widget Planner] Can plan", "Has planned before"], f.ItemTexts("Widget Planner (Intermediate)", SectionKind.Requirements));
    }

    [Fact]
    public void A_bare_level_name_before_its_section_words_plus_the_ones_below()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gadget Researcher
            ---

            ## Levels

            ### Intermediate

            #### Intermediate Responsibilities

            - Run studies

            ### Senior

            #### Senior Responsibilities

            The Intermediate responsibilities, plus the responsibilities below:

            - Lead studies
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(["[Intermediate] Run studies", "Lead studies"], f.ItemTexts("Senior", SectionKind.Responsibilities));
    }

    [Fact]
    public void Two_levels_joined_by_an_ampersand_share_the_family_words()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gadget Assembly Management
            ---

            ## Levels

            ### Manager, Gadget Assembly

            #### Manager, Gadget Assembly Requirements

            - Leads a team

            ### Senior Manager, Gadget Assembly

            #### Senior Manager, Gadget Assembly Requirements

            - Leads managers

            ### Director, Gadget Assembly

            #### Director, Gadget Assembly Requirements

            - Extends Manager & Senior Manager, Gadget Assembly requirements.
            - Sets the direction
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["Extends Manager & Senior Manager, Gadget Assembly requirements.", "[Manager, Gadget Assembly] Leads a team", "[Senior Manager, Gadget Assembly] Leads managers", "Sets the direction"],
            f.ItemTexts("Director, Gadget Assembly", SectionKind.Requirements));
    }

    [Fact]
    public void Extends_to_that_of_a_level()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Widget Renewals
            ---

            ## Associate Widget Renewals Manager

            ### Associate Widget Renewals Manager Responsibilities

            - Renew widget contracts

            ## Widget Renewals Manager

            ### Widget Renewals Manager Responsibilities

            - Extends to that of an Associate Widget Renewal Manager
            - Renew larger contracts
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(
            ["Extends to that of an Associate Widget Renewal Manager", "[Associate Widget Renewals Manager] Renew widget contracts", "Renew larger contracts"],
            f.ItemTexts("Widget Renewals Manager", SectionKind.Responsibilities));
    }

    [Fact]
    public void All_sections_of_previous_roles_plus()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Gadget Program Manager
            ---

            ## Levels

            ### Gadget Program Manager

            #### Gadget Program Manager Requirements

            - Runs a program

            ### Senior Gadget Program Manager

            #### Senior Gadget Program Manager Requirements

            All requirements of previous roles plus:

            - Runs several programs
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(["[Gadget Program Manager] Runs a program", "Runs several programs"], f.ItemTexts("Senior Gadget Program Manager", SectionKind.Requirements));
    }
}
