namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// The inherited bullets are copied in a parallel phase after planning and before any insertion: the copies must
/// not depend on the order families are processed in, must leave their sources untouched and must carry the marker.
/// </summary>
public class ExpandExtendsCopyTests
{
    private static string Base(int i) => $"""
        ---
        title: Gadget Fitter {i}
        ---

        ## Levels

        ### Gadget Fitter {i} (Intermediate)

        #### Gadget Fitter {i} (Intermediate) Responsibilities

        * Fit *gadget* number {i} with `tool-{i}` and [the manual](https://example.com/manual-{i})
        * Keep the bench tidy

        ### Senior Gadget Fitter {i}

        #### Senior Gadget Fitter {i} Responsibilities

        * Extends that of the Gadget Fitter {i} (Intermediate) responsibilities
        * Train fitters
        """;

    private static string Extending(int i) => $"""
        ---
        title: Gadget Lead {i}
        ---

        ## Levels

        ### Gadget Lead {i}

        #### Gadget Lead {i} Responsibilities

        * Extends that of the [Senior Gadget Fitter {i}](/job-families/make/gadget-fitter-{i}/#senior-gadget-fitter-{i}) responsibilities
        * Lead the fitting crew
        """;

    private static (string, string)[] Pages(int count) =>
        Enumerable.Range(0, count)
            .SelectMany(i => new[] { ($"job-families/make/gadget-fitter-{i}.md", Base(i)), ($"job-families/make/gadget-lead-{i}.md", Extending(i)) })
            .ToArray();

    [Fact]
    public void Many_families_expanded_twice_give_the_same_pages_and_models()
    {
        // Given 40 pages, half of them inheriting across pages (copies are made in parallel)
        var first = ExtendsFixture.Run(Pages(20));
        var second = ExtendsFixture.Run(Pages(20));

        // Then both runs render every page identically and inherit the same items in the same order, each marked
        // with the level it was written in (transitively through the senior level)
        Assert.Empty(first.Diagnostics);
        Assert.Equal(first.Families.Select(first.HtmlOf), second.Families.Select(second.HtmlOf));
        Assert.Equal(
            ["[Gadget Fitter 7 (Intermediate)] Fit gadget number 7 with tool-7 and the manual", "[Gadget Fitter 7 (Intermediate)] Keep the bench tidy", "[Senior Gadget Fitter 7] Train fitters", "Lead the fitting crew"],
            first.ItemTexts("Gadget Lead 7", SectionKind.Responsibilities).Skip(1).ToList());
    }

    [Fact]
    public void A_copy_keeps_the_formatting_of_its_source_and_leaves_the_source_unchanged()
    {
        // Given a fitter page alone and the same page with a lead page inheriting from it
        var alone = ExtendsFixture.Run(Pages(1)[0]);
        var both = ExtendsFixture.Run(Pages(1));

        // Then the source page renders the same whether or not it was copied from
        Assert.Equal(alone.HtmlOf(alone.Families[0]), both.HtmlOf(both.Families[0]));

        // And the copy on the lead page links to its origin on the other page, then has the source's emphasis, code and link
        var lead = both.HtmlOf(both.Families[1]);
        Assert.Contains(
            "<li class=\"inherited\" data-inherited-from=\"/job-families/make/gadget-fitter-0/#gadget-fitter-0-intermediate\"><span class=\"inherited-from\">from <a href=\"/job-families/make/gadget-fitter-0/#gadget-fitter-0-intermediate\">Gadget Fitter 0 (Intermediate)</a>:</span> Fit <em>gadget</em> number 0 with <code>tool-0</code> and <a href=\"https://example.com/manual-0\">the manual</a></li>",
            lead,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_bullet_that_starts_with_a_nested_list_gets_its_marker_in_a_paragraph_of_its_own()
    {
        // Given a level whose inherited bullet has no text of its own, only a nested list
        var f = ExtendsFixture.RunPage("""
            ---
            title: Widget Analyst
            ---

            ## Levels

            ### Widget Analyst (Intermediate)

            #### Widget Analyst (Intermediate) Responsibilities

            * * Count the widgets

            ### Senior Widget Analyst

            #### Senior Widget Analyst Responsibilities

            * Extends the Widget Analyst (Intermediate) responsibilities
            * Coach other analysts
            """);

        // Then the copy starts with the marker in a paragraph of its own (tight list: no <p>), then the copied nested list
        Assert.Empty(f.Diagnostics);
        Assert.Contains(
            "<li class=\"inherited\" data-inherited-from=\"#widget-analyst-intermediate\"><span class=\"inherited-from\">from <a href=\"#widget-analyst-intermediate\">Widget Analyst (Intermediate)</a>:</span> \n<ul>\n<li>Count the widgets</li>\n</ul>\n</li>\n<li>Coach other analysts</li>",
            f.Html,
            StringComparison.Ordinal);
    }
}
