namespace Handbook.Site.Cli;

using Handbook.Site.Building;

/// <summary><c>check</c>: the same analysis as <c>build</c> (every page is parsed and rendered) without writing output.</summary>
public sealed class CheckCommand : ICommand
{
    private static readonly OptionSpec Format = new("--format", "FORMAT", "report format: " + string.Join(", ", DiagnosticFormat.Names) + " (default: text)");

    public CommandSpec Spec { get; } = new(
        "check",
        "Check the input for errors and warnings without writing any output.",
        [CommonOptions.Input, CommonOptions.Theme, CommonOptions.BaseUrl, Format, CommonOptions.Cache, CommonOptions.NoHistory, CommonOptions.Verbose],
        [],
        CommonOptions.ExitCodesText);

    public async Task<int> RunAsync(ParsedArguments arguments, ConsoleStreams console, CancellationToken cancellationToken)
    {
        var formatName = arguments.Value(Format.Name) ?? DiagnosticFormat.Text;
        var format = DiagnosticFormat.Create(formatName)
            ?? throw new UsageException($"unknown format '{formatName}' (available: {string.Join(", ", DiagnosticFormat.Names)})");

        // check takes no --output, so the folder is the default and is never written.
        var request = CommonOptions.FoldersOf(arguments) with
        {
            BaseUrl = CommonOptions.ResolveBaseUrl(arguments),
            WriteOutput = false,
        };

        var report = await BuildRunner.RunAsync(request, console, arguments.Flag(CommonOptions.Verbose.Name), cancellationToken).ConfigureAwait(false);
        format.Write(report.Diagnostics, console);
        console.Error.Write(Summary.OfCheck(report) + "\n");
        return report.ErrorCount > 0 ? ExitCodes.ErrorsReported : ExitCodes.Success;
    }
}
