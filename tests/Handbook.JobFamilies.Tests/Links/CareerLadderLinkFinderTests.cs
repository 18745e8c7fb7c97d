namespace Handbook.JobFamilies.Tests.Links;

using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

public sealed class CareerLadderLinkFinderTests
{
    [Fact]
    public void Given_a_career_paths_section_holding_the_levels_When_its_links_are_found_Then_only_the_ladder_text_counts()
    {
        var family = new JobFamilyParser().Parse(
            "job-families/widgets/widget-planner.md",
            """
            ---
            title: "Widget Planner"
            ---

            ## Career paths

            See the [planning framework](/handbook/planning/) for how planners grow.

            ### In role levels

            #### Senior Widget Planner

            ##### Job Grade

            The Senior Widget Planner is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).

            ### Moving on

            Planners often become [Widget Buyers](/job-families/widgets/widget-buyer/).
            """,
            new List<Diagnostic>());

        var links = CareerLadderLinkFinder.Find(family.CareerLadder);

        Assert.Equal(["Senior Widget Planner"], family.Levels.Select(l => l.Name));
        Assert.Equal(["planning framework", "Widget Buyers"], links.Select(l => l.Text));
    }

    [Theory]
    [InlineData("###", "###")]
    [InlineData("###", "####")]
    public void Given_a_next_level_written_under_the_career_ladder_When_its_links_are_found_Then_its_grade_link_is_not_a_step(string role, string sections)
    {
        var family = new JobFamilyParser().Parse(
            "job-families/widgets/widget-planner.md",
            $"""
            ---
            title: "Widget Planner"
            ---

            ## Levels

            ### Widget Planner

            #### Widget Planner Job Grade

            The Widget Planner is a [grade 6](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).

            ## Career Ladder

            The next step is the [Widget Planning Manager](#widget-planning-manager), then [Widget Buyers](/job-families/widgets/widget-buyer/).

            {role} Widget Planning Manager

            {sections} Widget Planning Manager Job Grade

            The Widget Planning Manager is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).

            {sections} Widget Planning Manager Requirements

            * Has read the [planning framework](/handbook/planning/)
            """,
            new List<Diagnostic>());

        var links = CareerLadderLinkFinder.Find(family.CareerLadder);

        Assert.Equal(["Widget Planner", "Widget Planning Manager"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Widget Planning Manager", "Widget Buyers"], links.Select(l => l.Text));
    }
}
