namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Team headings ("### Gears" › "#### Requirements") written without a Specialties heading are specialties, not
/// gradeless levels: under "## Hiring Process", after the page's level under "## Levels", or under the page's own
/// "## Responsibilities" (shapes of Hugo-era engineering pages, with invented text).
/// </summary>
public sealed class TeamHeadingLayoutTests
{
    private readonly List<Diagnostic> _diagnostics = [];

    private JobFamily Parse(string title, params string[] bodyLines) =>
        new JobFamilyParser().Parse(
            "job-families/widgets/widget-engineer.md",
            "---\ntitle: \"" + title + "\"\n---\n" + string.Join("\n", bodyLines) + "\n",
            _diagnostics);

    [Fact]
    public void Given_team_headings_after_the_hiring_process_When_parsed_Then_they_are_specialties_and_the_levels_stay()
    {
        var family = Parse(
            "Widget Engineering Roles",
            "## Job Grades",
            "### Widget Engineer",
            "#### Job Grade",
            "The Widget Engineer is a grade 6.",
            "### Senior Widget Engineer",
            "#### Job Grade",
            "The Senior Widget Engineer is a grade 7.",
            "## Hiring Process",
            "* Screening call",
            "### Gears",
            "The gears team turns things.",
            "#### Requirements",
            "* Knows gears",
            "### Sprockets: Assembly",
            "#### Responsibilities",
            "* Assemble sprockets");

        Assert.Equal(["Widget Engineer", "Senior Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Gears", "Sprockets: Assembly"], family.Specialties.Select(s => s.Name));
        Assert.Equal(["Knows gears"], family.Specialties[0].Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_team_headings_after_the_pages_level_under_levels_When_parsed_Then_they_are_specialties()
    {
        var family = Parse(
            "Senior Widget Engineer",
            "## Job Grade",
            "The Senior Widget Engineer is a grade 7.",
            "## Levels",
            "* Senior",
            "### Senior",
            "#### Senior Responsibilities",
            "* Lead widget work",
            "### Gears:Build",
            "#### Requirements",
            "* Builds gears",
            "### Sprocket Performance",
            "#### Responsibilities",
            "* Speed up sprockets");

        Assert.Equal(["Senior"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Gears:Build", "Sprocket Performance"], family.Specialties.Select(s => s.Name));
    }

    [Fact]
    public void Given_team_headings_under_the_pages_responsibilities_When_parsed_Then_they_are_specialties_and_the_page_role_stays()
    {
        var family = Parse(
            "Distinguished Widget Engineer",
            "## Job Grade",
            "The Distinguished Widget Engineer is a grade 10.",
            "## Responsibilities",
            "### General",
            "* Shape the widget roadmap",
            "### Gears and Sprockets",
            "#### Requirements",
            "* Expert in gears",
            "#### Responsibilities",
            "* Direct the gears work");

        Assert.Empty(family.Levels);
        Assert.Equal(["Gears and Sprockets"], family.Specialties.Select(s => s.Name));
        Assert.Equal(["Shape the widget roadmap"], family.PageRole!.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Expert in gears"], family.Specialties[0].Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_headings_named_by_rank_or_job_title_or_with_a_grade_When_parsed_Then_they_stay_levels()
    {
        var family = Parse(
            "Widget Engineer",
            "## Levels",
            "### Widget Engineer",
            "#### Responsibilities",
            "* Build widgets",
            "### Staff",
            "#### Responsibilities",
            "* Lead widget design",
            "### Gear Architects",
            "#### Responsibilities",
            "* Design gears",
            "### Sprockets",
            "#### Job Grade",
            "The Sprockets level is a grade 9.",
            "#### Responsibilities",
            "* Own sprockets");

        Assert.Equal(["Widget Engineer", "Staff", "Gear Architects", "Sprockets"], family.Levels.Select(l => l.Name));
        Assert.Empty(family.Specialties);
    }

    [Theory]
    [InlineData("Distribution:Build", true)]
    [InlineData("CI/CD", true)]
    [InlineData("Growth: Analytics and Experimentation", true)]
    [InlineData("Senior", false)]
    [InlineData("Backend Engineers", false)]
    [InlineData("Manager, Gears", false)]
    [InlineData("Widget Engineer (Intermediate)", false)]
    [InlineData("", false)]
    public void Given_a_heading_title_When_asked_whether_it_names_no_role_Then_only_team_names_do(string title, bool expected) =>
        Assert.Equal(expected, TeamHeading.NamesNoRole(title));
}
