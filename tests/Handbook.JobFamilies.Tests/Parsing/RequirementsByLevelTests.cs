namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// "### Required Skills by Level" after the levels, with one list per level under a sub-heading naming it (the shape of
/// Hugo-era product/accessibility-engineer): each list is that level's requirements.
/// </summary>
public sealed class RequirementsByLevelTests
{
    private readonly List<Diagnostic> _diagnostics = [];

    private JobFamily Parse(params string[] bodyLines) =>
        new JobFamilyParser().Parse(
            "job-families/widgets/widget-tester.md",
            "---\ntitle: \"Widget Tester\"\n---\n" + string.Join("\n", bodyLines) + "\n",
            _diagnostics);

    [Fact]
    public void Given_required_skills_by_level_after_the_levels_When_parsed_Then_each_list_is_its_levels_requirements()
    {
        var family = Parse(
            "## Levels",
            "",
            "### Widget Tester",
            "",
            "#### Job Grade",
            "",
            "#### Requirements",
            "",
            "A Widget Tester is expected to meet the base requirements.",
            "",
            "### Senior Widget Tester",
            "",
            "#### Job Grade",
            "",
            "#### Requirements",
            "",
            "- Has tested gadgets too",
            "",
            "## Required Skills by Level",
            "",
            "### Widget Tester",
            "",
            "- Knows the widget test suite",
            "- Reads test reports",
            "",
            "### Senior Widget Tester",
            "",
            "- Designs widget test suites",
            "",
            "### Gadget Tester",
            "",
            "- Knows gadgets");

        Assert.Equal(["Widget Tester", "Senior Widget Tester"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Knows the widget test suite", "Reads test reports"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Has tested gadgets too"], family.Levels[1].Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_by_level_heading_whose_sub_headings_name_no_level_When_parsed_Then_no_level_changes()
    {
        var family = Parse(
            "## Levels",
            "",
            "### Widget Tester",
            "",
            "#### Job Grade",
            "",
            "## Expectations by Level",
            "",
            "### First Year",
            "",
            "- Learns the widgets");

        Assert.Equal(["Widget Tester"], family.Levels.Select(l => l.Name));
        Assert.Null(family.Levels[0].Requirements);
    }
}
