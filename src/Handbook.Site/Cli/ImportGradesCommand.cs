namespace Handbook.Site.Cli;

using Handbook.Pipeline.Collections;
using System.Text;
using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// <c>import-grades</c>: turns GitLab's compensation-calculator page (its "GitLab Job Grades" tables) into the
/// <c>data/job-grades.yml</c> format, on stdout or into <c>--output FILE</c>. The importer is the grades pass's
/// <see cref="GradeImport"/>; this command only reads and writes the files.
/// </summary>
public sealed class ImportGradesCommand : ICommand
{
    private static readonly OptionSpec Output = new("--output", "FILE", "where to write the grade data (default: stdout)");

    public CommandSpec Spec { get; } = new(
        "import-grades",
        "Import the grade tables of a compensation-calculator page into job-grades.yml format.",
        [Output],
        ["calculator-page.md"],
        "Problems in the page are printed as diagnostics on stderr.\n" + CommonOptions.ExitCodesText);

    public async Task<int> RunAsync(ParsedArguments arguments, ConsoleStreams console, CancellationToken cancellationToken)
    {
        var page = arguments.Positionals[0];
        var name = Path.GetFileName(page);
        string markdown;
        try
        {
            markdown = await File.ReadAllTextAsync(page, new UTF8Encoding(false, throwOnInvalidBytes: true), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            Report([Diagnostic.Error("IO004", $"cannot read '{page}': {e.Message}", SourceLocation.File(name))], console);
            return ExitCodes.ErrorsReported;
        }

        var diagnostics = new List<Diagnostic>();
        var imported = GradeImport.Run(markdown, name, out var yaml, diagnostics);
        Report(diagnostics, console);
        if (!imported)
        {
            return ExitCodes.ErrorsReported;
        }

        var outputFile = arguments.Value(Output.Name);
        if (outputFile is null)
        {
            await console.Out.WriteAsync(yaml).ConfigureAwait(false);
        }
        else
        {
            try
            {
                await File.WriteAllTextAsync(outputFile, yaml, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report([Diagnostic.Error("IO007", $"cannot write '{outputFile}': {e.Message}", SourceLocation.File(Path.GetFileName(outputFile)))], console);
                return ExitCodes.ErrorsReported;
            }
        }

        return diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.ErrorsReported : ExitCodes.Success;
    }

    private static void Report(IReadOnlyList<Diagnostic> diagnostics, ConsoleStreams console) =>
        new TextDiagnosticReport().Write(StableSort.ToSortedList(diagnostics, static (a, b) => a.Location.Line != b.Location.Line ? a.Location.Line.CompareTo(b.Location.Line) : a.Location.Column.CompareTo(b.Location.Column)), console);
}
