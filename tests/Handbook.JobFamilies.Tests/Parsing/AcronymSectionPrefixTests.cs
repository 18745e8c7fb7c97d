namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// A level whose sections name it by an acronym ("### Manager, Widget Support Engineers" › "#### Manager, WSE Job
/// Grade"), the shape of Hugo-era sales/customer-success-engineer: still one level.
/// </summary>
public sealed class AcronymSectionPrefixTests
{
    private readonly List<Diagnostic> _diagnostics = [];

    [Fact]
    public void Given_sections_naming_their_level_by_an_acronym_When_parsed_Then_they_are_that_levels()
    {
        var family = new JobFamilyParser().Parse(
            "job-families/widgets/widget-support-engineer.md",
            "---\ntitle: \"Widget Support Engineer\"\n---\n" + string.Join(
                "\n",
                "## Levels",
                "",
                "### Manager, Widget Support Engineers",
                "",
                "#### Manager, WSE Job Grade",
                "",
                "The Manager, WSE is a grade 9.",
                "",
                "#### Manager, WSE Responsibilities",
                "",
                "- Lead the widget support engineers",
                "",
                "### Senior Manager, Widget Support Engineers",
                "",
                "#### Senior Manager, WSE Job Grade",
                "",
                "#### Senior Manager, WSE Responsibilities",
                "",
                "- Lead the widget support managers") + "\n",
            _diagnostics);

        Assert.Equal(["Manager, Widget Support Engineers", "Senior Manager, Widget Support Engineers"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Lead the widget support engineers"], family.Levels[0].Responsibilities!.Items.Select(i => i.Text));
        Assert.NotNull(family.Levels[1].JobGrade);
    }
}
