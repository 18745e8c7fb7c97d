namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Whole levels that end up under the page's "## Requirements" because the sections of the level before them were
/// written a level too high (the shape of Hugo-era people-group/global-workforce-strategy).
/// </summary>
public sealed class LevelsWrittenUnderPageSectionTests
{
    private readonly List<Diagnostic> _diagnostics = [];

    private JobFamily Parse(params string[] bodyLines) =>
        new JobFamilyParser().Parse(
            "job-families/widgets/widget-planner.md",
            "---\ntitle: \"Widget Planning\"\n---\n" + string.Join("\n", bodyLines) + "\n",
            _diagnostics);

    [Fact]
    public void Given_graded_levels_with_their_own_requirements_under_the_page_requirements_When_parsed_Then_each_keeps_its_own_list()
    {
        var family = Parse(
            "### Widget Planning Specialist",
            "",
            "#### Job Grade",
            "",
            "The Widget Planning Specialist is a grade 6.",
            "",
            "## Responsibilities",
            "",
            "- Plan the widgets",
            "",
            "## Requirements",
            "",
            "- Knows widgets",
            "",
            "### Senior Widget Planning Manager",
            "",
            "#### Job Grade",
            "",
            "The Senior Widget Planning Manager is a grade 7.",
            "",
            "#### Senior Widget Planning Manager Responsibilities",
            "",
            "- Plan the gadgets too",
            "",
            "#### Senior Widget Planning Manager Requirements",
            "",
            "- Has planned many widgets",
            "- Mentors planners",
            "",
            "### Staff Widget Planning Manager",
            "",
            "#### Staff Widget Planning Manager Requirements",
            "",
            "- Sets the planning direction");

        Assert.Equal(
            ["Widget Planning Specialist", "Senior Widget Planning Manager", "Staff Widget Planning Manager"],
            family.Levels.Select(l => l.Name));
        Assert.Equal(["Has planned many widgets", "Mentors planners"], family.Levels[1].Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Plan the gadgets too"], family.Levels[1].Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Sets the planning direction"], family.Levels[2].Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Knows widgets"], family.PageRole!.Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_levels_written_as_parts_of_the_page_requirements_When_parsed_Then_their_lists_are_still_their_requirements()
    {
        var family = Parse(
            "## Requirements",
            "",
            "### Senior Widget Planning Manager",
            "",
            "- Has planned many widgets",
            "",
            "### Staff Widget Planning Manager",
            "",
            "- Sets the planning direction");

        Assert.Equal(["Senior Widget Planning Manager", "Staff Widget Planning Manager"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Has planned many widgets"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Sets the planning direction"], family.Levels[1].Requirements!.Items.Select(i => i.Text));
    }
}
