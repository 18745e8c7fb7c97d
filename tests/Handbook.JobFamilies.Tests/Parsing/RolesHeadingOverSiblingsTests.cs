namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// An empty heading naming roles in the plural, with the roles written after it as its siblings (Hugo-era
/// development/management/_index.md, whose heading held only a table-of-contents shortcode): read like an empty
/// "## Levels", so roles written as a sentence and a link to their own page are levels too – also one whose bullets
/// link to two levels of the page, which a heading named by a rank is not an overview of levels. Invented text.
/// </summary>
public sealed class RolesHeadingOverSiblingsTests
{
    private readonly List<Diagnostic> _diagnostics = [];

    private JobFamily Parse(params string[] bodyLines) =>
        new JobFamilyParser().Parse(
            "job-families/widgets/leadership.md",
            "---\ntitle: \"Widget Leadership\"\n---\n" + string.Join("\n", bodyLines) + "\n",
            _diagnostics);

    [Fact]
    public void Given_an_empty_roles_heading_then_roles_as_siblings_When_parsed_Then_each_sibling_is_a_level()
    {
        var family = Parse(
            "Widget leaders lead widget teams.",
            "",
            "### Widget Management Roles",
            "",
            "### Senior Widget Manager",
            "#### Job Grade",
            "The Senior Widget Manager is a grade 9.",
            "#### Responsibilities",
            "* Lead widget managers",
            "",
            "### Director, Widgets",
            "",
            "* The Director, Widgets reports to the [VP of Widgets](#vp-of-widgets).",
            "* The Director, Widgets role extends the [Senior Widget Manager](#senior-widget-manager) role.",
            "",
            "See [Director, Widgets](director.md).",
            "",
            "### VP of Widgets",
            "",
            "The VP of Widgets role extends the [Director, Widgets](#director-widgets) role.",
            "",
            "## Career Ladder",
            "",
            "See the widget ladder.");

        Assert.Equal(["Senior Widget Manager", "Director, Widgets", "VP of Widgets"], family.Levels.Select(l => l.Name));
        Assert.Equal("Career Ladder", family.CareerLadder!.Title);
    }

    [Fact]
    public void Given_a_roles_heading_with_text_of_its_own_When_parsed_Then_a_following_heading_without_sections_is_no_level()
    {
        var family = Parse(
            "### Widget Management Roles",
            "",
            "* All widget managers share these duties.",
            "",
            "### Senior Widget Manager",
            "#### Responsibilities",
            "* Lead widget managers",
            "",
            "### Director, Widgets",
            "",
            "Directors are hired rarely.");

        Assert.Equal(["Senior Widget Manager"], family.Levels.Select(l => l.Name));
    }
}
