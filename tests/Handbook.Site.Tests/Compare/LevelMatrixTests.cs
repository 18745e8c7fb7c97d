namespace Handbook.Site.Tests.Compare;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Compare;
using static Handbook.Site.Tests.Support.Families;

public class LevelMatrixTests
{
    private static Item Own(string text) => new() { Text = text, Location = new SourceLocation("x.md", 1, 1) };

    private static Role LevelWith(string name, params Item[] responsibilities)
    {
        var level = Level(name, name.ToLowerInvariant());
        level.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities");
        level.Responsibilities.Items.AddRange(responsibilities);
        return level;
    }

    private static List<string?[]> Texts(ComparedSection section) =>
        section.Rows.Select(r => r.Cells.Select(c => c?.Text).ToArray()).ToList();

    [Fact]
    public void Given_a_three_level_ladder_When_aligned_Then_each_bullet_has_one_row_with_every_level_that_lists_it()
    {
        var junior = LevelWith("Junior", Own("Fix bugs"), Own("Write tests"));
        var senior = LevelWith("Senior", Own("Fix bugs"), Own("Write tests"), Own("Review designs"));
        var staff = LevelWith("Staff", Own("Fix bugs"), Own("Review designs"), Own("Set direction"));

        var matrix = LevelMatrix.Of([junior, senior, staff]);

        Assert.Equal(
            [
                ["Fix bugs", "Fix bugs", "Fix bugs"],
                ["Write tests", "Write tests", null],
                [null, "Review designs", "Review designs"],
                [null, null, "Set direction"],
            ],
            Texts(matrix.Sections.Single()));
    }

    [Fact]
    public void Given_a_matrix_When_two_levels_are_picked_Then_only_rows_either_lists_remain_and_shared_bullets_share_a_row()
    {
        var junior = LevelWith("Junior", Own("Fix bugs"), Own("Write tests"));
        var senior = LevelWith("Senior", Own("Fix bugs"), Own("Lead projects"));
        var staff = LevelWith("Staff", Own("Set direction"));

        var pair = LevelMatrix.Of([junior, senior, staff]).Pair(0, 1).Single();

        Assert.Equal(SectionKind.Responsibilities, pair.Kind);
        Assert.Equal(
            [("Fix bugs", "Fix bugs"), ("Write tests", null), (null, "Lead projects")],
            pair.Rows.Select(r => (r.Left?.Text, r.Right?.Text)));
        Assert.Equal([true, false, false], pair.Rows.Select(r => r.IsShared));
    }

    [Fact]
    public void Given_levels_When_aligned_Then_sections_come_in_job_description_order_and_sections_no_level_has_are_left_out()
    {
        var junior = Level("Junior", "junior", "5");
        junior.Requirements = Section(SectionKind.Requirements, "Requirements", "Curiosity");
        junior.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Fix bugs");
        var senior = Level("Senior", "senior", "7");
        senior.NiceToHaves = Section(SectionKind.NiceToHaves, "Nice-to-haves", "Open source work");

        var matrix = LevelMatrix.Of([junior, senior]);

        Assert.Equal([SectionKind.Responsibilities, SectionKind.Requirements, SectionKind.NiceToHaves], matrix.Sections.Select(s => s.Kind));
        Assert.Equal([["Curiosity", null]], Texts(matrix.Sections[1]));
        Assert.Single(matrix.Pair(0, 1), s => s.Kind == SectionKind.NiceToHaves);
    }
}
