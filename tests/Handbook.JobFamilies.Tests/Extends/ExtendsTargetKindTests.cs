namespace Handbook.JobFamilies.Tests.Extends;

using ApprovalTests;
using Handbook.JobFamilies.Model;

/// <summary>One fixture per kind of target (REPORT.md §5 "What the statements point at"), in our own words.</summary>
public class ExtendsTargetKindTests
{
    [Fact]
    public void An_in_page_anchor_link_resolves_to_the_role_with_that_id()
    {
        var f = ExtendsFixture.RunPage("""
            ### Gadget Analyst

            #### Responsibilities

            * Count gadgets

            ### Widget Analyst

            #### Responsibilities

            * Count widgets

            ### Senior Widget Analyst

            The Senior Widget Analyst role extends the [Widget Analyst](#widget-analyst) role.

            #### Responsibilities

            * Coach others
            """);

        Assert.Empty(f.Diagnostics);
        var link = Assert.Single(f.Role("Senior Widget Analyst").Extends, e => e.Sections.Contains(SectionKind.Responsibilities));
        Assert.Equal("/job-families/sales/widget-analyst/#widget-analyst", link.Url);
        Assert.Equal(["[Widget Analyst] Count widgets", "Coach others"], f.ItemTexts("Senior Widget Analyst", SectionKind.Responsibilities));
    }

    [Fact]
    public void A_rank_alone_on_a_page_whose_title_ends_in_a_rank_word_is_that_level_not_a_specialty_below_it()
    {
        // "Manager" is part of the family title here, so "the Principal role" is "Principal Gadget Manager"; the
        // one-word specialties read with the words of the last level must not tie with it.
        var f = ExtendsFixture.RunPage("""
            ---
            title: "Gadget Manager"
            ---

            ## Levels

            ### Principal Gadget Manager

            #### Responsibilities

            * Plan the gadget roadmap

            ### Senior Principal Gadget Manager

            The Senior Principal Gadget Manager role extends the Principal role expectations.

            #### Responsibilities

            * Plan across gadget lines

            ## Specialties

            ### Sprockets

            #### Requirements

            * Know sprockets

            ### Levers

            #### Requirements

            * Know levers
            """);

        Assert.Empty(f.Diagnostics);
        var link = Assert.Single(f.Role("Senior Principal Gadget Manager").Extends);
        Assert.Equal("Principal Gadget Manager", link.Role);
        Assert.Equal(["[Principal Gadget Manager] Plan the gadget roadmap", "Plan across gadget lines"],
            f.ItemTexts("Senior Principal Gadget Manager", SectionKind.Responsibilities));
    }

    [Fact]
    public void A_broken_anchor_falls_back_to_the_link_text()
    {
        var f = ExtendsFixture.RunPage("""
            ### Widget Analyst

            #### Responsibilities

            * Count widgets

            ### Senior Widget Analyst

            #### Responsibilities

            * Extends that of the [Widget Analyst](#no-such-heading) responsibilities
            * Coach others
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal("Widget Analyst", Assert.Single(f.Role("Senior Widget Analyst").Extends).Role);
    }

    [Fact]
    public void A_section_anchor_of_another_role_loses_to_the_role_the_link_text_names()
    {
        var f = ExtendsFixture.RunPage("""
            ### Widget Engineer

            #### Responsibilities

            * Build widgets

            ### Widget Manager

            #### Responsibilities

            * Manage the widget engineers

            ### Senior Widget Manager

            #### Responsibilities

            * The [same responsibilities of a Widget Manager](#responsibilities), plus the below:
            * Manage the managers
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal("Widget Manager", f.Role("Senior Widget Manager").Extends.Single().Role);
    }

    [Fact]
    public void Above_means_the_previous_level_and_for_the_first_level_the_general_section()
    {
        var f = ExtendsFixture.RunPage("""
            ## Responsibilities

            * Keep the widget register

            ## Levels

            ### Widget Analyst (Intermediate)

            #### Responsibilities

            The Widget Analysts share the same responsibilities outlined above.

            ### Senior Widget Analyst

            #### Responsibilities

            This role includes all of the responsibilities of the previous level, plus:

            * Coach others
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(["[Widget Analyst] Keep the widget register", "Coach others"], f.ItemTexts("Senior Widget Analyst", SectionKind.Responsibilities));
    }

    [Fact]
    public void The_intermediate_position_is_the_level_named_intermediate()
    {
        var f = ExtendsFixture.RunPage("""
            ### Junior Widget Analyst

            #### Responsibilities

            * Learn widgets

            ### Widget Analyst (Intermediate)

            #### Responsibilities

            * Count widgets

            ### Lead Widget Analyst

            #### Responsibilities

            * Tidy up

            ### Senior Widget Analyst

            #### Responsibilities

            The Senior Widget Analyst has all the same responsibilities as the intermediate position plus the following:

            * Coach others
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal("Widget Analyst (Intermediate)", f.Role("Senior Widget Analyst").Extends.Single().Role);
    }

    [Fact]
    public void Abbreviations_typos_and_other_word_orders_resolve_like_a_reader_would()
    {
        var f = ExtendsFixture.RunPage("""
            ### Senior Director, Widget Architects

            #### Responsibilities

            * Lead the widget architects

            ### Manager, Widget Partners

            #### Responsibilities

            * Manage partners

            ### Associate Widget Analyst

            #### Responsibilities

            * Learn widgets

            ### Vice President, Widgets

            #### Responsibilities

            * Extends the Sr Director of WA responsibilities

            ### Senior Manager, Widget Partners

            #### Responsibilities

            * Extends that of the Manager, Widget Parnters responsibilities

            ### Widget Analyst

            #### Responsibilities

            * Extends that of thet Junior Widget Analyst responsibilities
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal("Senior Director, Widget Architects", f.Role("Vice President, Widgets").Extends.Single().Role);
        Assert.Equal("Manager, Widget Partners", f.Role("Senior Manager, Widget Partners").Extends.Single().Role);
        Assert.Equal("Associate Widget Analyst", f.Role("Widget Analyst").Extends.Single().Role);
    }

    [Fact]
    public void A_link_to_another_family_resolves_the_role_on_that_page()
    {
        var f = ExtendsFixture.Run(
            ("job-families/sales/widget-analyst.md", """
                ### Principal Widget Analyst

                #### Responsibilities

                * Extends the responsibilities of the Staff level [Gadget Engineer](/job-families/engineering/gadget-engineer/)
                * Set direction
                """),
            ("job-families/engineering/gadget-engineer.md", """
                ### Senior Gadget Engineer

                #### Responsibilities

                * Build gadgets

                ### Staff Gadget Engineer

                #### Responsibilities

                * Design gadget platforms
                """));

        Assert.Empty(f.Diagnostics);
        var link = f.Role("Principal Widget Analyst").Extends.Single();
        Assert.Equal("/job-families/engineering/gadget-engineer/#staff-gadget-engineer", link.Url);
        var inherited = ExtendsNode_Items(f, "Principal Widget Analyst").First(i => i.InheritedFrom is not null);
        Assert.Equal(new InheritedFrom("/job-families/engineering/gadget-engineer/#staff-gadget-engineer", "Staff Gadget Engineer", SectionKind.Responsibilities), inherited.InheritedFrom);
        Assert.Contains("href=\"/job-families/engineering/gadget-engineer/#staff-gadget-engineer\"", f.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_family_that_is_not_in_the_site_is_EXTENDS001()
    {
        var f = ExtendsFixture.RunPage("""
            ### Principal Widget Analyst

            #### Responsibilities

            * Extends that of the [Staff Gadget Engineer](https://about.gitlab.com/job-families/engineering/gadget-engineer/#staff)
            """);

        var d = Assert.Single(f.Diagnostics);
        Assert.Equal("EXTENDS001", d.Code);
        Assert.Contains("not a job family of this site", d.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_general_section_is_the_page_level_one_and_explicit_words_pick_both_sections()
    {
        var f = ExtendsFixture.RunPage("""
            ## Responsibilities

            * Keep the widget register

            ## Requirements

            * Can count

            ## Levels

            ### Widget Analyst

            #### Responsibilities

            * Extends the general responsibilities with the following:
            * Count widgets

            #### Requirements

            * Can count well

            ### Senior Widget Analyst

            The Senior Widget Analyst has the same responsibilities and requirements as a Widget Analyst, but with more experience.

            #### Responsibilities

            * Coach others

            #### Requirements

            * Five years of counting
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(["Extends the general responsibilities with the following:", "[Widget Analyst] Keep the widget register", "Count widgets"], f.ItemTexts("Widget Analyst", SectionKind.Responsibilities));
        Assert.Equal(["[Widget Analyst] Keep the widget register", "[Widget Analyst] Count widgets", "Coach others"], f.ItemTexts("Senior Widget Analyst", SectionKind.Responsibilities));
        Assert.Equal(["[Widget Analyst] Can count well", "Five years of counting"], f.ItemTexts("Senior Widget Analyst", SectionKind.Requirements));
    }

    [Fact]
    public void Alternatives_render_as_a_choice_readable_without_javascript()
    {
        var f = ExtendsFixture.RunPage("""
            ### Widget Manager (Intermediate)

            #### Responsibilities

            * Run the widget team

            ### Senior Widget Manager

            #### Responsibilities

            * Run several widget teams

            ### Widget Programs Manager

            #### Responsibilities

            * Extends that of the Widget Manager (Intermediate) or Senior Widget Manager Responsibilities
            * Own the widget programs
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal(["Widget Manager (Intermediate)", "Senior Widget Manager"], f.Role("Widget Programs Manager").Extends.Select(e => e.Role));
        Approvals.Verify(Section(f.Html, "widget-programs-manager"));
    }

    [Fact]
    public void Inherited_items_are_marked_in_text_with_a_link_to_their_origin()
    {
        var f = ExtendsFixture.RunPage("""
            ### Widget Analyst

            #### Widget Analyst Responsibilities

            * Count the *widgets* with [the counter](/handbook/counter/)
            * Report the count

            ### Senior Widget Analyst

            #### Senior Widget Analyst Responsibilities

            * Extends the Widget Analyst responsibilities
            * Report the count
            * Coach others
            """);

        Assert.Empty(f.Diagnostics);
        Approvals.Verify(Section(f.Html, "senior-widget-analyst"));
    }

    private static IEnumerable<Item> ExtendsNode_Items(ExtendsFixture f, string role) =>
        Handbook.JobFamilies.Extends.ExtendsNode.RoleSection(f.Role(role), SectionKind.Responsibilities)!.Items;

    /// <summary>The HTML from the role's heading to the end of the page.</summary>
    private static string Section(string html, string anchor) => html[html.IndexOf($"id=\"{anchor}\"", StringComparison.Ordinal)..].Replace("\r\n", "\n", StringComparison.Ordinal);
}
