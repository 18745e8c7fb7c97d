namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// Extends wordings first seen on Hugo-era pages (hugo20b), on pages of our own: each statement must inherit from the
/// role it names, with no diagnostic. Before, they were not recognised (silently nothing inherited).
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
}
