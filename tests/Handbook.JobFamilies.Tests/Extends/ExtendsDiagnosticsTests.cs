namespace Handbook.JobFamilies.Tests.Extends;

using System.Text;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;

/// <summary>One test per diagnostic: code, exact position, message and hint.</summary>
public class ExtendsDiagnosticsTests
{
    [Fact]
    public void An_unknown_target_is_EXTENDS001_at_the_statement_with_the_closest_role_names()
    {
        var f = ExtendsFixture.RunPage("""
            ## Levels

            ### Widget Analyst (Intermediate)

            #### Responsibilities

            * Count widgets

            ### Senior Widget Analyst

            #### Responsibilities

            * Extends the Principal Gadget Wrangler responsibilities
            * Coach others
            """);

        var d = Assert.Single(f.Diagnostics);
        Assert.Equal("EXTENDS001", d.Code);
        Assert.Equal("job-families/sales/widget-analyst.md:13:3", d.Location.ToString());
        Assert.Contains("'Principal Gadget Wrangler'", d.Message, StringComparison.Ordinal);
        Assert.Equal("did you mean 'Senior Widget Analyst', 'Widget Analyst (Intermediate)'?", d.Hint);
        Assert.Empty(f.Role("Senior Widget Analyst").Extends);
    }

    [Fact]
    public void A_role_extending_itself_is_EXTENDS002_with_the_previous_level_as_hint()
    {
        var f = ExtendsFixture.RunPage("""
            ## Levels

            ### Associate Widget Analyst

            #### Requirements

            * Can count

            ### Widget Analyst (Intermediate)

            #### Requirements

            * Extends that of the Widget Analyst (Intermediate) Requirements
            * Counts fast
            """);

        var d = Assert.Single(f.Diagnostics);
        Assert.Equal("EXTENDS002", d.Code);
        Assert.Equal("job-families/sales/widget-analyst.md:13:3", d.Location.ToString());
        Assert.Equal("'Widget Analyst (Intermediate)' extends itself (Widget Analyst (Intermediate) → Widget Analyst (Intermediate))", d.Message);
        Assert.Equal("did you mean the previous level 'Associate Widget Analyst'?", d.Hint);
    }

    [Fact]
    public void Roles_extending_each_other_are_EXTENDS002_naming_the_chain_and_nothing_loops()
    {
        var f = ExtendsFixture.RunPage("""
            ## Levels

            ### Senior Widget Analyst

            #### Responsibilities

            * Extends the Staff Widget Analyst responsibilities
            * Senior duty

            ### Staff Widget Analyst

            #### Responsibilities

            * Extends the Principal Widget Analyst responsibilities
            * Staff duty

            ### Principal Widget Analyst

            #### Responsibilities

            * Extends the Senior Widget Analyst responsibilities
            * Principal duty
            """);

        var d = Assert.Single(f.Diagnostics);
        Assert.Equal("EXTENDS002", d.Code);
        Assert.Equal("job-families/sales/widget-analyst.md:21:3", d.Location.ToString());
        Assert.Equal("roles extend each other in a cycle: Senior Widget Analyst → Staff Widget Analyst → Principal Widget Analyst → Senior Widget Analyst", d.Message);
        Assert.Equal("one of these roles must stop extending the next; this statement's link to 'Senior Widget Analyst' is ignored", d.Hint);

        // The chain is cut where the cycle closes: Senior gets Staff's and (through Staff) Principal's items, once each.
        Assert.Equal(
            ["Extends the Staff Widget Analyst responsibilities", "[Principal Widget Analyst] Principal duty", "[Staff Widget Analyst] Staff duty", "Senior duty"],
            f.ItemTexts("Senior Widget Analyst", SectionKind.Responsibilities).OrderBy(t => t.StartsWith('[') ? 1 : t.StartsWith("Ext", StringComparison.Ordinal) ? 0 : 2).ToList());
    }

    [Fact]
    public void Two_equally_good_roles_are_EXTENDS003_naming_both_and_offered_as_a_choice()
    {
        var f = ExtendsFixture.RunPage("""
            ## Levels

            ### Director, Widget Assurance

            #### Responsibilities

            * Assure widgets

            ### Director, Widget Operations

            #### Responsibilities

            * Operate widgets

            ### Senior Director, Widgets

            The Senior Director role extends the Director role for the area the person manages.
            """);

        var d = Assert.Single(f.Diagnostics);
        Assert.Equal("EXTENDS003", d.Code);
        Assert.Equal("job-families/sales/widget-analyst.md:17:1", d.Location.ToString());
        Assert.Contains("Director, Widget Assurance, Director, Widget Operations", d.Message, StringComparison.Ordinal);
        Assert.Equal("name the role exactly as its heading does, or link to it with its #anchor", d.Hint);
        // Offered in page order (RoleNameScoringTests pin the other paths of scoring a named target).
        Assert.Equal(["Director, Widget Assurance", "Director, Widget Operations"], f.Role("Senior Director, Widgets").Extends.Select(e => e.Role));
        Assert.All(f.Role("Senior Director, Widgets").Extends, e => Assert.True(e.IsAlternative));
        Assert.Contains("class=\"extends-choice\" role=\"group\"", f.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_two_variants_of_one_name_of_which_one_extends_that_name_When_a_third_role_names_it_Then_the_base_variant_without_EXTENDS003()
    {
        var f = ExtendsFixture.RunPage("""
            ## Levels

            ### Manager, Widget Sorting (Small Parts)

            #### Responsibilities

            * Sort the small parts

            ### Manager, Widget Sorting (Large Parts)

            #### Responsibilities

            * Extends that of the Manager, Widget Sorting responsibilities but with a focus on the large parts.
            * Lift with care

            ## Specialties

            ### Manager, Widget Sorting (Night Shift)

            #### Responsibilities

            * Extends that of the Manager, Widget Sorting responsibilities
            * Sort by lamplight
            """);

        Assert.Empty(f.Diagnostics);
        Assert.Equal("Manager, Widget Sorting (Small Parts)", Assert.Single(f.Role("Manager, Widget Sorting (Night Shift)").Extends).Role);
        Assert.Equal("Manager, Widget Sorting (Small Parts)", Assert.Single(f.Role("Manager, Widget Sorting (Large Parts)").Extends).Role);
        Assert.Contains("[Manager, Widget Sorting (Small Parts)] Sort the small parts", f.ItemTexts("Manager, Widget Sorting (Night Shift)", SectionKind.Responsibilities));
    }

    [Fact]
    public void A_chain_longer_than_the_limit_is_LIMIT012_and_stops_there()
    {
        var page = new StringBuilder("## Levels\n\n");
        for (var i = 1; i <= ExtendsCodes.MaxChainLength + 3; i++)
        {
            page.Append("### Widget Level ").Append(i).Append("\n\n#### Responsibilities\n\n");
            if (i > 1)
            {
                page.Append("* This role includes all of the responsibilities above, plus:\n");
            }

            page.Append("* Duty ").Append(i).Append("\n\n");
        }

        var f = ExtendsFixture.RunPage(page.ToString());

        // Level i (i > 1) starts at line 9 + 7(i-2) and its statement is 4 lines lower. Level 21 reaches back exactly
        // 20 roles; levels 22 and 23 would reach back more and are told so at their statements.
        Assert.All(f.Diagnostics, d => Assert.Equal(ExtendsCodes.ChainTooLong, d.Code));
        Assert.Equal(
            [22, 23],
            f.Diagnostics.Select(d => ((d.Location.Line - 13) / 7) + 2));
        Assert.Equal("job-families/sales/widget-analyst.md:153:3", f.Diagnostics[0].Location.ToString());
        Assert.Equal("let a role extend a nearer level instead of a long line of levels", f.Diagnostics[0].Hint);
        Assert.Equal(20, f.ItemTexts("Widget Level 21", SectionKind.Responsibilities).Count(t => t.StartsWith('[')));
        Assert.Equal(0, f.ItemTexts("Widget Level 23", SectionKind.Responsibilities).Count(t => t.StartsWith('[')));
    }
}
