namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// A statement under a role's heading that inherits a kind the role has no list of: the bullets are shown in a new
/// list after the statement, and the role's model gets a list of that kind holding them (no heading, level 0).
/// </summary>
public class ModelOnlySectionTests
{
    [Fact]
    public void Given_a_level_that_shares_the_lists_above_without_headings_of_its_own_When_expanded_Then_its_model_has_the_inherited_lists()
    {
        // Given an intern level with only a sentence under its heading
        var f = ExtendsFixture.RunPage("""
            ---
            title: Widget Analyst
            ---

            ## Levels

            ### Widget Analyst

            #### Widget Analyst Responsibilities

            * Count widgets

            #### Widget Analyst Requirements

            * Can count

            ### Widget Analyst Intern

            The Widget Analyst Intern role extends the [Widget Analyst](#widget-analyst) role.
            """);

        // Then the intern's responsibilities and requirements are the analyst's, marked as inherited, in lists of
        // their own that are no heading of the page
        Assert.Empty(f.Diagnostics);
        Assert.Equal(["[Widget Analyst] Count widgets"], f.ItemTexts("Widget Analyst Intern", SectionKind.Responsibilities));
        Assert.Equal(["[Widget Analyst] Can count"], f.ItemTexts("Widget Analyst Intern", SectionKind.Requirements));
        var intern = f.Role("Widget Analyst Intern");
        Assert.Equal(0, intern.Requirements!.HeadingLevel);
        Assert.Null(intern.Requirements.Heading);
        Assert.DoesNotContain(intern.Requirements, intern.Sections);
        Assert.Contains("from <a href=\"#widget-analyst\">Widget Analyst</a>:</span> Can count", f.Html, StringComparison.Ordinal);
    }
}
