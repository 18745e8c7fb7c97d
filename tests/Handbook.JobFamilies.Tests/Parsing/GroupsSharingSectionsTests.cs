namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Headings that group levels and write once what the levels of the group share (the shape of Hugo-era
/// sales/partner-account-manager): "## X (Individual Contributors)" before "## Levels", and a leadership group holding
/// its shared responsibilities and requirements above its graded levels. Neither heading is a level.
/// </summary>
public sealed class GroupsSharingSectionsTests
{
    private readonly List<Diagnostic> _diagnostics = [];

    private JobFamily Parse(params string[] bodyLines) =>
        new JobFamilyParser().Parse(
            "job-families/widgets/widget-seller.md",
            "---\ntitle: \"Widget Seller\"\n---\n" + string.Join("\n", bodyLines) + "\n",
            _diagnostics);

    private JobFamily ParseSellerPage() => Parse(
        "## Widget Seller (Individual Contributors)",
        "",
        "All individual contributors share these.",
        "",
        "### Individual Contributor Responsibilities",
        "",
        "- Sell widgets",
        "",
        "### Individual Contributor Requirements",
        "",
        "- Knows widgets",
        "",
        "## Levels",
        "",
        "### Associate Widget Seller",
        "",
        "#### Job Grade",
        "",
        "The Associate Widget Seller is a grade 5.",
        "",
        "### Senior Widget Seller",
        "",
        "#### Job Grade",
        "",
        "The Senior Widget Seller is a grade 7.",
        "",
        "## Widget Sales Leadership (People Management)",
        "",
        "### Leadership Responsibilities",
        "",
        "- Coach the sellers",
        "",
        "### Leadership Requirements",
        "",
        "- Has led a sales team",
        "",
        "### Manager, Widget Sales",
        "",
        "#### Job Grade",
        "",
        "The Manager, Widget Sales is a grade 8.",
        "",
        "### Director, Widget Sales",
        "",
        "#### Job Grade",
        "",
        "The Director, Widget Sales is a grade 10.",
        "",
        "#### Requirements",
        "",
        "- Has led sales managers");

    [Fact]
    public void Given_group_headings_over_levels_When_parsed_Then_only_the_graded_headings_are_levels()
    {
        var family = ParseSellerPage();

        Assert.Equal(
            ["Associate Widget Seller", "Senior Widget Seller", "Manager, Widget Sales", "Director, Widget Sales"],
            family.Levels.Select(l => l.Name));
    }

    [Fact]
    public void Given_a_leadership_group_with_shared_sections_When_parsed_Then_its_levels_have_them_unless_they_write_their_own()
    {
        var family = ParseSellerPage();

        var manager = family.Levels[2];
        var director = family.Levels[3];
        Assert.Equal(["Coach the sellers"], manager.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Has led a sales team"], manager.Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Coach the sellers"], director.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Has led sales managers"], director.Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_group_heading_with_a_qualifier_in_parentheses_before_the_levels_When_parsed_Then_its_sections_are_the_pages()
    {
        var family = ParseSellerPage();

        Assert.Equal(["Sell widgets"], family.PageRole!.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Knows widgets"], family.PageRole.Requirements!.Items.Select(i => i.Text));
    }
}
