namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using static TestFamilies;

/// <summary>
/// The grade resolver records what it read from the table (<see cref="JobFamily.GradeLookups"/>: the page's track and
/// every grade id looked up): with the table's tracks, all a page's render reads of it, which is what lets a version
/// graded with another table take the current page's result when both answer these lookups alike (issue 9).
/// </summary>
public class GradeLookupsTests
{
    private const string Calc = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

    [Fact]
    public void Given_a_family_not_graded_yet_When_asked_Then_its_lookups_are_unknown()
    {
        var family = Family("### Manager\n\nThe Manager is a [grade 9](" + Calc + ").\n");

        Assert.Null(family.GradeLookups);
    }

    [Fact]
    public void Given_mentions_of_known_unknown_repeated_and_roleless_grades_When_resolved_Then_every_value_looked_up_is_recorded_once_in_order()
    {
        // Given a role grade, an unknown one, a repeat and a grade mentioned above every role
        var family = Family(
            "Grades go up to [grade 12](" + Calc + ").\n\n"
            + "### Manager\n\nThe Manager is a [grade 9](" + Calc + ").\n\n"
            + "### Senior Manager\n\nThe Senior Manager is a [grade 9.5](" + Calc + "), not a [grade 9](" + Calc + ").\n");

        // When resolved against a table without 9.5
        var (mentions, _) = Resolve(family, Grades("9", "10", "12"));

        // Then the ids are the values of every mention with grade text (what the resolver asks the table), each once
        var asked = mentions.Where(m => m.HasGradeText).SelectMany(m => m.EffectiveValues).Distinct().ToList();
        Assert.Equal(["12", "9", "9.5"], family.GradeLookups!.Ids.Select(id => id.Text));
        Assert.Equal(asked, family.GradeLookups.Ids);
        Assert.Equal(GradeTable.GeneralTrackId, family.GradeLookups.TrackId);
        Assert.False(family.Levels[1].Grade!.Resolved);
    }

    [Fact]
    public void Given_a_family_of_a_department_with_its_own_track_When_resolved_Then_the_lookups_name_that_track()
    {
        var family = Family("### Account Executive\n\nThe Account Executive is a [grade 7](" + Calc + ").\n", department: "sales");

        Resolve(family);

        Assert.Equal("sales", family.GradeLookups!.TrackId);
        Assert.Equal("Sales 7", family.Levels[0].Grade!.Title);
    }

    [Fact]
    public void Given_a_family_without_grade_mentions_When_resolved_Then_it_looked_up_nothing()
    {
        var family = Family("### Manager\n\nThe Manager manages.\n");

        Resolve(family);

        Assert.Empty(family.GradeLookups!.Ids);
    }

    [Fact]
    public void Given_a_graded_family_When_its_syntax_tree_is_let_go_Then_the_copy_keeps_its_lookups()
    {
        var family = Family("### Manager\n\nThe Manager is a [grade 9](" + Calc + ").\n");
        Resolve(family);

        var copy = SyntaxTreeRelease.Release(family);

        Assert.Same(family.GradeLookups, copy.GradeLookups);
        Assert.Equal(["9"], copy.GradeLookups!.Ids.Select(id => id.Text));
    }
}
