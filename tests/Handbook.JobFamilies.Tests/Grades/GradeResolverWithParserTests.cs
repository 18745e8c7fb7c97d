namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>The grades pass on pages read by the real parser (front matter, its pipeline, its roles).</summary>
public class GradeResolverWithParserTests
{
    private const string Calc = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

    [Fact]
    public void Given_a_parsed_page_then_grades_attach_to_levels_and_positions_are_in_file_lines()
    {
        var text = "---\ntitle: \"Payroll\"\n---\n\n## Levels\n\n### Payroll Specialist\n\n#### Payroll Specialist Job Grade\n\n"
            + "The Payroll Specialist is a [grade 6](" + Calc + ").\n\n#### Payroll Specialist Responsibilities\n\n- Pay people\n\n"
            + "### Senior Payroll Specialist\n\n#### Senior Payroll Specialist Job Grade\n\n"
            + "The Senior Payroll Specialist is a [grade 13](" + Calc + ").\n\n#### Senior Payroll Specialist Responsibilities\n\n- Pay more people\n";
        var parseDiagnostics = new List<Diagnostic>();
        var family = new JobFamilyParser().Parse("job-families/finance/payroll.md", text, parseDiagnostics);
        var diagnostics = new List<Diagnostic>();

        GradeResolver.Resolve(family, TestFamilies.StandardGrades, diagnostics);

        Assert.Equal(["Payroll Specialist", "Senior Payroll Specialist"], family.Levels.Select(l => l.Name));
        Assert.Equal("6", family.Levels[0].Grade!.Value);
        Assert.Equal("13", family.Levels[1].Grade!.Value);
        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE001", d.Code);
        Assert.Equal(new SourceLocation("job-families/finance/payroll.md", 21, 37), d.Location);
    }

    private static string PageWithOneGradeLinkForAll(string grades, params string[] levels) =>
        "---\ntitle: \"Kiln Tender\"\n---\n\n## Job Grade\n\nThe levels below are grades: [" + grades + "](" + Calc + ")\n\n"
        + "## Responsibilities\n\n- Tend the kilns\n\n## Levels\n\n"
        + string.Concat(levels.Select(l => "### " + l + "\n\n#### " + l + " Responsibilities\n\n- Fire the pots\n\n"));

    [Fact]
    public void Given_one_link_naming_a_grade_per_level_under_the_page_job_grade_When_resolved_Then_each_level_gets_its_grade_in_page_order()
    {
        var text = PageWithOneGradeLinkForAll("6, 7, 8", "Kiln Tender", "Senior Kiln Tender", "Staff Kiln Tender");
        var family = new JobFamilyParser().Parse("job-families/finance/kiln-tender.md", text, new List<Diagnostic>());
        var diagnostics = new List<Diagnostic>();

        GradeResolver.Resolve(family, TestFamilies.StandardGrades, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["6", "7", "8"], family.Levels.Select(l => l.Grade?.Value));
        Assert.Equal("/handbook/total-rewards/compensation/compensation-calculator/#grade-8", family.Levels[2].Grade!.Url);
        Assert.Null(family.PageRole!.Grade);
    }

    [Theory]
    [InlineData("6, 7", new[] { "Kiln Tender", "Senior Kiln Tender", "Staff Kiln Tender" })]
    [InlineData("8, 7, 6", new[] { "Kiln Tender", "Senior Kiln Tender", "Staff Kiln Tender" })]
    public void Given_a_grade_list_that_does_not_fit_the_levels_When_resolved_Then_the_page_role_keeps_the_first_as_before(string grades, string[] levels)
    {
        var family = new JobFamilyParser().Parse("job-families/finance/kiln-tender.md", PageWithOneGradeLinkForAll(grades, levels), new List<Diagnostic>());

        GradeResolver.Resolve(family, TestFamilies.StandardGrades, new List<Diagnostic>());

        Assert.All(family.Levels, l => Assert.Null(l.Grade));
        Assert.Equal(grades[..1], family.PageRole!.Grade!.Value);
    }

    [Fact]
    public void A_single_role_page_gets_its_grade_on_the_page_role()
    {
        var text = "---\ntitle: \"Senior Backend Engineer\"\n---\n\n## Job Grade\n\nThe Senior Backend Engineer is a grade 7.\n\n## Responsibilities\n\n- Build things\n";
        var family = new JobFamilyParser().Parse("job-families/engineering/senior.md", text, new List<Diagnostic>());
        var diagnostics = new List<Diagnostic>();

        GradeResolver.Resolve(family, TestFamilies.StandardGrades, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("7", family.PageRole?.Grade?.Value);
    }

    [Fact]
    public void A_table_row_linking_to_a_heading_inside_a_role_gives_that_role_its_grade()
    {
        var text = "---\ntitle: \"Analyst\"\n---\n\n| Level | Grade |\n|---|---|\n"
            + "| [Senior](#senior-analyst-requirements) | [Grade 7](" + Calc + ") |\n\n## Levels\n\n"
            + "### Analyst\n\n#### Analyst Requirements\n\n- Count\n\n### Senior Analyst\n\n#### Senior Analyst Requirements\n\n- Count more\n";
        var family = new JobFamilyParser().Parse("job-families/finance/analyst.md", text, new List<Diagnostic>());
        var diagnostics = new List<Diagnostic>();

        GradeResolver.Resolve(family, TestFamilies.StandardGrades, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Null(family.Levels[0].Grade);
        Assert.Equal("7", family.Levels[1].Grade?.Value);
    }
}
