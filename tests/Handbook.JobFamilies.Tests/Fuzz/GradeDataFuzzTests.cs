namespace Handbook.JobFamilies.Tests.Fuzz;

using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;
using Xunit.Abstractions;

/// <summary>Issue 11 for grade data: job-grades.yml and the calculator page never crash the readers, and problems are in range.</summary>
[Trait("Category", "Fuzz")]
public class GradeDataFuzzTests(ITestOutputHelper output)
{
    private const string YamlPath = "data/job-grades.yml";
    private const string CalculatorPath = "handbook/total-rewards/compensation/compensation-calculator/index.html.md";

    [Fact]
    public void Given_any_grade_yaml_when_read_then_nothing_throws_and_diagnostics_point_into_the_file()
    {
        FuzzRunner.Run(
            "job-grades.yml",
            GradeDataGen.Yaml,
            yaml =>
            {
                var diagnostics = new List<Diagnostic>();
                FuzzRunner.WithinTime(yaml.Length, () => GradeTableReader.Read(YamlPath, yaml, diagnostics));

                DiagnosticChecks.AssertInRange(diagnostics, new Dictionary<string, string> { [YamlPath] = yaml });
            },
            output.WriteLine,
            yaml => FuzzRunner.Show(yaml),
            iterations: 400,
            seconds: 3,
            warmUp: yaml => GradeTableReader.Read(YamlPath, yaml, new List<Diagnostic>()));
    }

    [Fact]
    public void Given_any_calculator_page_when_imported_then_nothing_throws_and_diagnostics_point_into_the_page()
    {
        FuzzRunner.Run(
            "calculator import",
            GradeDataGen.CalculatorPage,
            page =>
            {
                var diagnostics = new List<Diagnostic>();
                FuzzRunner.WithinTime(page.Length, () => CalculatorImporter.Import(page, diagnostics, CalculatorPath));

                DiagnosticChecks.AssertInRange(diagnostics, new Dictionary<string, string> { [CalculatorPath] = page });
            },
            output.WriteLine,
            page => FuzzRunner.Show(page),
            iterations: 300,
            seconds: 3,
            warmUp: page => CalculatorImporter.Import(page, new List<Diagnostic>(), CalculatorPath));
    }
}
