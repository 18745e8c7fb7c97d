namespace Handbook.Site.Cli;

/// <summary><c>preview</c>: a local server with live rebuild. Not built yet; says so with exit code 2.</summary>
public sealed class PreviewCommand : ICommand
{
    public CommandSpec Spec { get; } = new(
        "preview",
        "Serve the site locally and rebuild on changes (not implemented yet).",
        [CommonOptions.Input, CommonOptions.Theme],
        []);

    public Task<int> RunAsync(ParsedArguments arguments, ConsoleStreams console, CancellationToken cancellationToken)
    {
        console.Error.Write("handbook-site: preview is not implemented yet\n");
        return Task.FromResult(ExitCodes.Usage);
    }
}
