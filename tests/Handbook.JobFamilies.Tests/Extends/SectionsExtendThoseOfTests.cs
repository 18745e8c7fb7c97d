namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// "Director, Widgets responsibilities extend those of [Director, Gadgets](…)" and "… requirements match those of …"
/// (Hugo-era engineering management pages write their levels this way, with invented text here): a statement that
/// inherits the named sections. Before, it was not recognised and the level silently inherited nothing.
/// </summary>
public class SectionsExtendThoseOfTests
{
    [Fact]
    public void Given_sections_that_extend_those_of_a_linked_level_When_expanded_Then_the_level_inherits_them()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Widget Leadership
            ---

            ## Levels

            ### Manager, Widgets

            #### Responsibilities

            - Run the widget team

            #### Requirements

            - Has run teams

            #### Nice-to-haves

            - Knows gadgets

            ### Director, Widgets

            #### Responsibilities

            Director, Widgets responsibilities extend those of [Manager, Widgets](#manager-widgets) with specific duties for widgets.

            - Set the widget strategy

            #### Requirements

            Director, Widgets requirements match those of [Manager, Widgets](#manager-widgets).

            #### Nice-to-haves

            Director, Widgets nice-to-have requirements extend those of [Manager, Widgets](#manager-widgets).

            - Knows sprockets
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(["[Manager, Widgets] Run the widget team", "Set the widget strategy"], f.ItemTexts("Director, Widgets", SectionKind.Responsibilities));
        Assert.Equal(["[Manager, Widgets] Has run teams"], f.ItemTexts("Director, Widgets", SectionKind.Requirements));
        Assert.Equal(["[Manager, Widgets] Knows gadgets", "Knows sprockets"], f.ItemTexts("Director, Widgets", SectionKind.NiceToHaves));
    }

    [Fact]
    public void Given_a_sentence_matching_those_of_something_that_is_no_role_When_expanded_Then_it_is_prose()
    {
        var f = ExtendsFixture.RunPage("""
            ---
            title: Widget Tester
            ---

            ## Requirements

            Our requirements match those of the widget industry.

            - Has tested widgets
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(["Has tested widgets"], f.ItemTexts("Widget Tester", SectionKind.Requirements));
    }
}
