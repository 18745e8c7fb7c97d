using Handbook.Site.Cli;

// Ctrl+C cancels the build cleanly (the output folder is replaced atomically, so it is never left half-written).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await CommandLine.RunAsync(args, ConsoleStreams.System(), cancellation.Token).ConfigureAwait(false);
