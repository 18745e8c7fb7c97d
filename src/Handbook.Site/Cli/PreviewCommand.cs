namespace Handbook.Site.Cli;

using System.Diagnostics;
using System.Globalization;
using Handbook.Site.Building;
using Handbook.Site.Preview;

/// <summary>
/// <c>preview</c>: builds, serves the output folder on loopback, watches the input and theme folders and rebuilds on
/// every burst of saves; the browser reloads the pages that changed and shows an overlay while the build has errors
/// (the last good output stays served, because a failed build never replaces it).
/// </summary>
public sealed class PreviewCommand : ICommand
{
    private static readonly OptionSpec Port = new("--port", "PORT", "port to listen on (default: 5080)");

    private static readonly OptionSpec Host = new("--host", "HOST", "address to bind (default: 127.0.0.1; anything else prints a warning)");

    private static readonly OptionSpec NoOpen = new("--no-open", null, "do not open a browser");

    public CommandSpec Spec { get; } = new(
        "preview",
        "Serve the site locally, rebuild on every change and reload the browser.",
        [CommonOptions.Input, CommonOptions.Output, CommonOptions.Theme, Port, Host, NoOpen, CommonOptions.Cache, CommonOptions.NoHistory, CommonOptions.Verbose],
        [],
        "Stops on Ctrl+C or SIGTERM. Diagnostics of each rebuild go to stderr and to the page overlay.\n" + CommonOptions.ExitCodesText);

    public async Task<int> RunAsync(ParsedArguments arguments, ConsoleStreams console, CancellationToken cancellationToken)
    {
        // No base URL: a preview's links and canonical URLs must stay on the local server, whatever $URL says.
        var request = CommonOptions.FoldersOf(arguments);
        var options = new PreviewOptions
        {
            OutputFolder = request.OutputFolder,
            Host = arguments.Value(Host.Name) ?? "127.0.0.1",
            Port = ParsePort(arguments.Value(Port.Name)),
            Log = console.Error,
        };
        if (!Directory.Exists(request.InputFolder))
        {
            throw new UsageException($"input folder '{request.InputFolder}' does not exist");
        }

        var verbose = arguments.Flag(CommonOptions.Verbose.Name);
        PreviewSession session;
        try
        {
            session = await PreviewSession.StartAsync(
                request,
                options,
                (outcome, changes) => Report(outcome, changes, console, verbose),
                e => console.Error.Write($"preview: rebuild failed: {e.Message}\n"),
                cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new UsageException(e.Message);
        }

        await using (session.ConfigureAwait(false))
        {
            var server = session.Server;
            console.Out.Write($"serving {server.Url} (Ctrl+C stops)\n");
            if (!arguments.Flag(NoOpen.Name))
            {
                TryOpenBrowser(new Uri(server.Url, "job-families/"), console);
            }

            try
            {
                await server.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C / SIGTERM: the normal way to stop a preview.
            }
        }

        return ExitCodes.Success;
    }

    private static void Report(PreviewBuildReport outcome, PreviewChanges? changes, ConsoleStreams console, bool verbose)
    {
        var report = outcome.Report;
        if (verbose)
        {
            console.Error.Write(report.Timings);
        }

        new TextDiagnosticReport().Write(report.Diagnostics, console);
        var ms = report.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var how = changes is null || outcome.WasIncremental ? string.Empty : $"; full build: {outcome.FullRebuildReason}";
        console.Error.Write(report.OutputWritten
            ? $"rebuilt {outcome.RebuiltPages} pages in {ms} ms ({outcome.ChangedFiles.Count} files changed{how}): {report.ErrorCount} errors, {report.WarningCount} warnings\n"
            : outcome.PublishedEarly.Count == 0
                ? $"rebuild failed in {ms} ms with {report.ErrorCount} errors; still serving the last good output\n"
                : $"rebuild failed in {ms} ms with {report.ErrorCount} errors; {outcome.PublishedEarly.Count} pages were published before the errors were found, the rest is the last good output\n");
    }

    private static int ParsePort(string? value)
    {
        if (value is null)
        {
            return 5080;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new UsageException($"port '{value}' is not a number from 0 to 65535");
    }

    /// <summary>Best effort: machines without a desktop (CI, SSH sessions) have no browser to open, and that is fine.</summary>
    private static void TryOpenBrowser(Uri url, ConsoleStreams console)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(url.ToString()) { UseShellExecute = true });
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            console.Error.Write($"preview: could not open a browser ({e.Message}); open {url} yourself\n");
        }
    }
}
