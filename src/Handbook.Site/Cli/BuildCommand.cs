namespace Handbook.Site.Cli;

using Handbook.Site.Building;

/// <summary><c>build</c>: reads the input, renders the site and replaces the output folder.</summary>
public sealed class BuildCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "build",
        "Build the site from the input folder into the output folder (the default command).",
        [CommonOptions.Input, CommonOptions.Output, CommonOptions.Theme, CommonOptions.KeepGoing, CommonOptions.BaseUrl, CommonOptions.Cache, CommonOptions.ReuseFamilies, CommonOptions.NoHistory, CommonOptions.Verbose],
        [],
        "Diagnostics go to stderr as 'path:line:col: severity CODE: message', then a summary line.\n" + CommonOptions.ExitCodesText);

    public async Task<int> RunAsync(ParsedArguments arguments, ConsoleStreams console, CancellationToken cancellationToken)
    {
        var request = CommonOptions.FoldersOf(arguments) with
        {
            BaseUrl = CommonOptions.ResolveBaseUrl(arguments),
            KeepGoing = arguments.Flag(CommonOptions.KeepGoing.Name),
            ReusesFamilies = arguments.Flag(CommonOptions.ReuseFamilies.Name),
            // A versioned build with --cache reuses families without being asked: storing costs it nothing measurable.
            ReusesFamiliesWithHistory = true,
        };
        if (request.ReusesFamilies && request.CacheFolder is null)
        {
            throw new UsageException("option '--reuse-families' needs '--cache DIR' (the family states are kept there)");
        }

        var report = await BuildRunner.RunAsync(request, console, arguments.Flag(CommonOptions.Verbose.Name), cancellationToken).ConfigureAwait(false);
        new TextDiagnosticReport().Write(report.Diagnostics, console);
        console.Error.Write(Summary.OfBuild(report) + "\n");
        return report.ErrorCount > 0 ? ExitCodes.ErrorsReported : ExitCodes.Success;
    }
}
