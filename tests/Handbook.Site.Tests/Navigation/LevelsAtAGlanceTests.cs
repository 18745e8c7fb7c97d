namespace Handbook.Site.Tests.Navigation;

using Handbook.Site.Navigation;
using static Handbook.Site.Tests.Support.Families;

public class LevelsAtAGlanceTests
{
    [Fact]
    public void Given_levels_with_known_unknown_and_missing_grades_When_rows_are_built_Then_each_level_keeps_page_order_and_its_grade_links()
    {
        var family = Family("engineering/widget-engineer", "Widget Engineer");
        family.Levels.Add(Level("Widget Engineer", "widget-engineer", "6", "Intermediate"));
        family.Levels.Add(Level("Senior Widget Engineer", "senior-widget-engineer", "9.5", "Senior"));
        family.Levels.Add(Level("Staff Widget Engineer", "staff-widget-engineer", "13"));   // not in the grade data
        family.Levels.Add(Level("Principal Widget Engineer", "principal-widget-engineer")); // no grade on the page

        var rows = LevelsAtAGlance.Rows(family, gradeIndexExists: true);

        Assert.Equal(
            ["Widget Engineer", "Senior Widget Engineer", "Staff Widget Engineer", "Principal Widget Engineer"],
            rows.Select(r => r.Level));
        Assert.Equal("senior-widget-engineer", rows[1].Anchor);
        Assert.Equal(("9.5", "Senior", "/handbook/total-rewards/compensation/compensation-calculator/#grade-9-5"), (rows[1].Grade!.Value, rows[1].Grade!.Title, rows[1].Grade!.Url));
        Assert.Equal("/job-families/grades/#grade-9-5", rows[1].GradeIndexUrl);
        Assert.Equal(("13", null, false), (rows[2].Grade!.Value, rows[2].Grade!.Url, rows[2].Grade!.Resolved));
        Assert.Null(rows[2].GradeIndexUrl);
        Assert.Null(rows[3].Grade);
        Assert.Null(rows[3].GradeIndexUrl);
    }

    [Fact]
    public void Given_no_grade_index_in_the_build_Then_no_row_links_to_it()
    {
        var family = Family("engineering/widget-engineer", "Widget Engineer");
        family.Levels.Add(Level("Widget Engineer", "widget-engineer", "6", "Intermediate"));

        var rows = LevelsAtAGlance.Rows(family, gradeIndexExists: false);

        Assert.Null(Assert.Single(rows).GradeIndexUrl);
    }

    [Fact]
    public void Given_a_single_role_page_Then_there_are_no_rows()
    {
        Assert.Empty(LevelsAtAGlance.Rows(Family("finance/payroll", "Payroll"), gradeIndexExists: true));
    }
}
