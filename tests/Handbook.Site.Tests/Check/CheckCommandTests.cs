namespace Handbook.Site.Tests.Check;

using System.Text.Json;
using Handbook.Site.Cli;
using Handbook.Site.Tests.Cli;
using Handbook.Site.Tests.Support;

/// <summary><c>check</c> on the command line: where the report goes, <c>--output</c>, and the exit codes with <c>--strict</c>.</summary>
public class CheckCommandTests
{
    private const string GradeData = "grades:\n  - id: 7\n    title: \"Senior\"\n";

    private const string OneWarningPage = "---\ntitle: \"Gardener\"\n---\n\nGardeners water the beds.\n\n{::frobnicate}\n";

    [Fact]
    public void Warnings_alone_exit_0_but_1_with_strict()
    {
        using var folder = new TempFolder();
        folder.Write("input/data/job-grades.yml", GradeData);
        folder.Write("input/job-families/garden/gardener.md", OneWarningPage);

        var lenient = Run.Tool("check", "--input", folder["input"], "--theme", TestTheme.Folder, "--no-history");
        var strict = Run.Tool("check", "--input", folder["input"], "--theme", TestTheme.Folder, "--no-history", "--strict");

        Assert.Equal(ExitCodes.Success, lenient.ExitCode);
        Assert.Contains("warning KD002", lenient.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ErrorsReported, strict.ExitCode);
        Assert.EndsWith("0 errors, 1 warning (--strict: warnings fail)\n", strict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_exit_1_with_or_without_strict()
    {
        var lenient = Run.Tool("check", "--input", CheckFixture.Input, "--theme", TestTheme.Folder, "--no-history");
        var strict = Run.Tool("check", "--input", CheckFixture.Input, "--theme", TestTheme.Folder, "--no-history", "--strict");

        Assert.Equal(ExitCodes.ErrorsReported, lenient.ExitCode);
        Assert.Equal(ExitCodes.ErrorsReported, strict.ExitCode);
    }

    [Fact]
    public void A_clean_input_exits_0_with_strict()
    {
        using var folder = new TempFolder();
        folder.Write("input/data/job-grades.yml", GradeData);
        folder.Write("input/job-families/garden/gardener.md", "---\ntitle: \"Gardener\"\n---\n\nGardeners water the beds.\n");

        var run = Run.Tool("check", "--input", folder["input"], "--theme", TestTheme.Folder, "--no-history", "--strict");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public void Output_writes_the_report_to_the_file_and_the_diagnostics_and_summary_to_stderr()
    {
        using var folder = new TempFolder();
        var file = folder["reports/gl-code-quality-report.json"];

        var run = Run.Tool("check", "--input", CheckFixture.Input, "--theme", TestTheme.Folder, "--no-history", "--format", "codequality", "--output", file);

        Assert.Equal(ExitCodes.ErrorsReported, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(8, json.RootElement.GetArrayLength());
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("job-families/greenhouse/propagator.md:12:29: error GRADE001: unknown grade 13", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"checked 3 families in \d+\.\d\d s: 4 errors, 4 warnings\n$", run.Error);
    }

    [Fact]
    public void Without_output_a_machine_format_goes_to_stdout_and_the_text_to_stderr()
    {
        var run = Run.Tool("check", "--input", CheckFixture.Input, "--theme", TestTheme.Folder, "--no-history", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("handbook-site-check/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Contains("error GRADE001", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_output_goes_to_the_file()
    {
        using var folder = new TempFolder();

        var run = Run.Tool("check", "--input", CheckFixture.Input, "--theme", TestTheme.Folder, "--no-history", "--output", folder["check.txt"]);

        Assert.StartsWith("job-families/greenhouse/irrigation-tech.md:3:20: error FM001", File.ReadAllText(folder["check.txt"]), StringComparison.Ordinal);
        Assert.Contains("checked 3 families", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_file_that_cannot_be_written_is_an_IO007_error()
    {
        using var folder = new TempFolder();
        folder.Write("blocker", "a file where the report's folder should be");

        var run = Run.Tool("check", "--input", CheckFixture.Input, "--theme", TestTheme.Folder, "--no-history", "--format", "junit", "--output", folder["blocker/report.xml"]);

        Assert.Equal(ExitCodes.ErrorsReported, run.ExitCode);
        Assert.Contains("error IO007: cannot write", run.Error, StringComparison.Ordinal);
    }
}
