namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// A grade table row whose level cell names a level only once a qualifier in parentheses is dropped, and links the
/// anchor of another level: "[Gear Fitter](#gear-fitter-intermediate)" over the levels "Gear Fitter (Associate)" and
/// "Gear Fitter (Intermediate)" (the shape of Hugo-era sales/customer-success-engineer). The anchor decides.
/// </summary>
public class TableRowAnchorTests
{
    private const string Calc = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

    [Fact]
    public void Given_a_row_naming_a_level_loosely_and_linking_another_When_resolved_Then_the_linked_level_has_its_grade_and_nothing_is_reported()
    {
        var text = "---\ntitle: \"Gear Fitter\"\n---\n\n## Job Grade\n\nSee the table.\n\n| Role | Grade |\n| -- | - |\n"
            + "| [Associate Gear Fitter](#gear-fitter-associate) | [Grade 5](" + Calc + ") |\n"
            + "| [Gear Fitter](#gear-fitter-intermediate) | [Grade 6](" + Calc + ") |\n\n"
            + "## Levels\n\n### Gear Fitter (Associate)\n\n#### Gear Fitter (Associate) Job Grade\n\n"
            + "The Associate Gear Fitter is a [grade 5](" + Calc + ").\n\n"
            + "### Gear Fitter (Intermediate)\n\n#### Gear Fitter (Intermediate) Job Grade\n\n"
            + "The Gear Fitter is a [grade 6](" + Calc + ").\n";
        var family = new JobFamilyParser().Parse("job-families/sales/gear-fitter.md", text, new List<Diagnostic>());
        var diagnostics = new List<Diagnostic>();

        GradeResolver.Resolve(family, TestFamilies.StandardGrades, diagnostics);

        Assert.Equal(["Gear Fitter (Associate)", "Gear Fitter (Intermediate)"], family.Levels.Select(l => l.Name));
        Assert.Equal("5", family.Levels[0].Grade!.Value);
        Assert.Equal("6", family.Levels[1].Grade!.Value);
        Assert.Null(family.PageRole?.Grade);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Given_a_row_naming_a_level_exactly_and_linking_another_When_resolved_Then_the_named_level_has_the_grade()
    {
        var text = "---\ntitle: \"Gear Fitter\"\n---\n\n| Role | Grade |\n| -- | - |\n"
            + "| [Senior Gear Fitter](#gear-fitter) | [Grade 7](" + Calc + ") |\n\n"
            + "## Levels\n\n### Gear Fitter\n\n#### Responsibilities\n\n- Fits gears\n\n"
            + "### Senior Gear Fitter\n\n#### Responsibilities\n\n- Fits many gears\n";
        var family = new JobFamilyParser().Parse("job-families/sales/gear-fitter.md", text, new List<Diagnostic>());

        GradeResolver.Resolve(family, TestFamilies.StandardGrades, new List<Diagnostic>());

        Assert.Null(family.Levels[0].Grade);
        Assert.Equal("7", family.Levels[1].Grade!.Value);
    }
}
