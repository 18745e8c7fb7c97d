namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using static TestFamilies;

/// <summary>
/// A Levels table, then a second list of levels under its own heading ("## Leadership"), as a table or as pipe rows
/// without the "| -- |" line (Markdown leaves those a paragraph): the heading is not a level, and each pipe row's grade
/// is the level its first link names, as in a table (hugo20b: sales/cloud-cosell-gtm-specialist had a level
/// "Leadership" with grade 8 and GRADE006 for the other rows; the shared sales/channel-services an empty "Leadership").
/// </summary>
public class UnformedPipeTableTests
{
    private const string Calc = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

    private static string Page(string leadershipRows) =>
        "---\ntitle: Gear Fitting\n---\n\n"
        + "## Levels\n\n| Role | Grade |\n| -- | - |\n| [Gear Fitter](#gear-fitter) | [Grade 6](" + Calc + ") |\n\n"
        + "## Leadership\n\n" + leadershipRows + "\n"
        + "## Gear Fitter\n\n### Job Grade\n\nThe Gear Fitter is a [grade 6](" + Calc + ").\n\n### Responsibilities\n\n- Fits gears\n\n"
        + "## Gear Manager\n\n### Job Grade\n\nThe Gear Manager is a [grade 8](" + Calc + ").\n\n### Responsibilities\n\n- Manages fitters\n\n"
        + "## Gear Director\n\n### Job Grade\n\nThe Gear Director is a [grade 10](" + Calc + ").\n\n### Responsibilities\n\n- Directs managers\n";

    private const string Rows = "| [Gear Manager](#gear-manager) | [Grade 8](" + Calc + ") |\n| [Gear Director](#gear-director) | [Grade 10](" + Calc + ") |\n";

    [Theory]
    [InlineData(Rows)]
    [InlineData("| Role | Grade |\n| -- | - |\n" + Rows)]
    public void A_heading_over_rows_linking_the_levels_is_no_level(string rows)
    {
        var diagnostics = new List<Diagnostic>();

        var family = new JobFamilyParser().Parse("job-families/sales/gear-fitting.md", Page(rows), diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["Gear Fitter", "Gear Manager", "Gear Director"], family.Levels.Select(l => l.Name));
    }

    [Fact]
    public void A_level_after_an_empty_levels_heading_that_links_one_other_level_stays_a_level()
    {
        var diagnostics = new List<Diagnostic>();
        var text = "---\ntitle: Gear Fitting\n---\n\n## Levels\n\n| Role | Grade |\n| -- | - |\n| [Gear Fitter](#gear-fitter) | 6 |\n\n"
            + "## Gear Fitter\n\nThe Gear Fitter reports to the [Gear Manager](#gear-manager).\n\n## Gear Manager\n\n### Job Grade\n\nThe Gear Manager is a grade 8.\n";

        var family = new JobFamilyParser().Parse("job-families/sales/gear-fitting.md", text, diagnostics);

        Assert.Equal(["Gear Fitter", "Gear Manager"], family.Levels.Select(l => l.Name));
    }

    [Fact]
    public void Each_pipe_row_of_a_paragraph_grades_the_level_its_first_link_names()
    {
        var family = Family(
            "## Leadership\n\n" + Rows + "\n## Gears\n\n### Gear Manager\n\nThe Gear Manager is a [grade 8](" + Calc + ").\n\n"
            + "### Gear Director\n\nThe Gear Director is a [grade 10](" + Calc + ").\n");

        var (mentions, diagnostics) = Resolve(family);

        Assert.Empty(diagnostics);
        Assert.Equal(["8", "10"], family.Levels.Select(l => l.Grade!.Value));
        Assert.Equal(["Gear Manager", "Gear Director"], mentions.Take(2).Select(m => m.Row!.LevelName));
    }
}
