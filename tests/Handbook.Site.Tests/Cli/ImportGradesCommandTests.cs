namespace Handbook.Site.Tests.Cli;

using Handbook.Site.Cli;
using Handbook.Site.Tests.Support;

public class ImportGradesCommandTests
{
    private const string CalculatorPage =
        "# Calculator\n\n### GitLab Job Grades\n\n"
        + "| Grade | Management | Individual Contributor |\n|---|---|---|\n"
        + "| 8 | Manager | Staff |\n"
        + "| 7 |  | Senior |\n";

    [Fact]
    public void Writes_the_imported_grades_to_stdout()
    {
        using var folder = new TempFolder();
        var page = folder.Write("calculator.md", CalculatorPage);

        var run = Run.Tool("import-grades", page);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("grades:", run.Out, StringComparison.Ordinal);
        Assert.Contains("Senior", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_the_imported_grades_to_the_output_file()
    {
        using var folder = new TempFolder();
        var page = folder.Write("calculator.md", CalculatorPage);

        var run = Run.Tool("import-grades", page, "--output", folder["job-grades.yml"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("Manager", File.ReadAllText(folder["job-grades.yml"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_grade_tables_is_an_error()
    {
        using var folder = new TempFolder();
        var page = folder.Write("other.md", "# Nothing here\n");

        var run = Run.Tool("import-grades", page);

        Assert.Equal(ExitCodes.ErrorsReported, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void A_missing_page_is_an_error_diagnostic()
    {
        using var folder = new TempFolder();

        var run = Run.Tool("import-grades", folder["missing.md"]);

        Assert.Equal(ExitCodes.ErrorsReported, run.ExitCode);
        Assert.Contains("missing.md:1:1: error IO004: cannot read", run.Error, StringComparison.Ordinal);
    }
}
