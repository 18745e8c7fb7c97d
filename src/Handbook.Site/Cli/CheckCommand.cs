namespace Handbook.Site.Cli;

using System.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Building;

/// <summary>
/// <c>check</c>: the same analysis as <c>build</c> (every page is parsed and rendered) without writing output. The
/// report goes to <c>--output FILE</c>, else to stdout (text: stderr, as <c>build</c> prints it). Unless the report
/// itself is the text on stderr, stderr also gets the diagnostics as text, so a CI log is readable; the summary
/// line always ends stderr.
/// </summary>
public sealed class CheckCommand : ICommand
{
    private static readonly OptionSpec Format = new("--format", "FORMAT", "report format: " + string.Join(", ", DiagnosticFormat.Names) + " (default: text)");

    private static readonly OptionSpec ReportFile = new("--output", "FILE", "write the report to FILE (default: stdout; text: stderr)");

    private static readonly OptionSpec Strict = new("--strict", null, "exit 1 on warnings too, not only on errors");

    public CommandSpec Spec { get; } = new(
        "check",
        "Check the input for errors and warnings without writing any output.",
        [CommonOptions.Input, CommonOptions.Theme, CommonOptions.BaseUrl, Format, ReportFile, Strict, CommonOptions.Cache, CommonOptions.NoHistory, CommonOptions.Verbose],
        [],
        "exit codes: 0 success (warnings allowed unless --strict), 1 errors (or warnings with --strict) reported, 2 bad usage, 70 internal error (a bug)");

    public async Task<int> RunAsync(ParsedArguments arguments, ConsoleStreams console, CancellationToken cancellationToken)
    {
        var formatName = arguments.Value(Format.Name) ?? DiagnosticFormat.Text;
        var format = DiagnosticFormat.Create(formatName)
            ?? throw new UsageException($"unknown format '{formatName}' (available: {string.Join(", ", DiagnosticFormat.Names)})");
        var reportFile = arguments.Value(ReportFile.Name);

        // check never writes the site, so the output folder is the default and is never touched.
        var request = CommonOptions.FoldersOf(arguments) with
        {
            BaseUrl = CommonOptions.ResolveBaseUrl(arguments),
            WriteOutput = false,
        };

        var report = await BuildRunner.RunAsync(request, console, arguments.Flag(CommonOptions.Verbose.Name), cancellationToken).ConfigureAwait(false);
        var findings = new CheckFindings(
            report.Diagnostics,
            report.CheckedPages,
            RepositoryPaths.Of(request.InputFolder, request.ThemeFolder, Environment.CurrentDirectory),
            arguments.Flag(Strict.Name));

        var textOnStderr = reportFile is null && formatName == DiagnosticFormat.Text;
        if (!textOnStderr)
        {
            new TextDiagnosticReport().Write(findings, console.Error);
        }

        var exitCode = findings.Failed ? ExitCodes.ErrorsReported : ExitCodes.Success;
        if (reportFile is null)
        {
            format.Write(findings, textOnStderr ? console.Error : console.Out);
        }
        else if (await WriteFileAsync(reportFile, format, findings, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            console.Error.Write(failure.Format() + "\n");
            exitCode = ExitCodes.ErrorsReported;
        }

        console.Error.Write(Summary.OfCheck(report) + (findings.Strict && report.WarningCount > 0 ? " (--strict: warnings fail)" : string.Empty) + "\n");
        return exitCode;
    }

    /// <summary>Writes the report file (creating its folder); an IO007 diagnostic when that is not possible.</summary>
    private static async Task<Diagnostic?> WriteFileAsync(string path, IDiagnosticReport format, CheckFindings findings, CancellationToken cancellationToken)
    {
        using var text = new StringWriter();
        format.Write(findings, text);
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Diagnostic.Error("IO007", $"cannot write '{path}': {e.Message}", SourceLocation.File(Path.GetFileName(path)), "check that the folder is writable, or pass another --output FILE");
        }
    }
}
