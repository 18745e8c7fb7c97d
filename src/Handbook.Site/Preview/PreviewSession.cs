namespace Handbook.Site.Preview;

using Handbook.Site.Building;

/// <summary>
/// A running preview: the server, the incremental build, live reload and the file watcher wired together, as the
/// <c>preview</c> command runs them (tests and the latency benchmark start the same thing in-process).
/// <see cref="StartAsync"/> builds the site once before it returns; every later burst of changes runs
/// <see cref="PreviewBuild"/> incrementally and notifies the browsers. Dispose to stop watching and serving.
/// </summary>
public sealed class PreviewSession : IAsyncDisposable
{
    private readonly LiveRebuild _rebuild;
    private PreviewWatcher? _watcher;

    private PreviewSession(PreviewServer server, PreviewBuild build, LiveRebuild rebuild)
    {
        Server = server;
        Build = build;
        _rebuild = rebuild;
    }

    public PreviewServer Server { get; }

    public PreviewBuild Build { get; }

    /// <param name="request">Folders of the site (the output folder is the one served).</param>
    /// <param name="options">Where to listen; its output folder must be the request's.</param>
    /// <param name="report">Called after each build (the CLI prints it); may be null.</param>
    /// <param name="onWatcherError">Receives exceptions of a rebuild started by the watcher.</param>
    public static async Task<PreviewSession> StartAsync(
        BuildRequest request,
        PreviewOptions options,
        Action<PreviewBuildReport, PreviewChanges?>? report,
        Action<Exception> onWatcherError,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var server = await PreviewServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            var build = new PreviewBuild(request);
            PreviewBuildReport? last = null;
            var rebuild = new LiveRebuild(server, request.OutputFolder, async (changes, ct) =>
            {
                var outcome = await build.RunAsync(changes, ct).ConfigureAwait(false);
                last = outcome;

                // The pages published early were announced then; the end announces the rest.
                return new LiveBuildOutcome(outcome.Report.Diagnostics, outcome.ChangedFiles.Except(outcome.PublishedEarly, StringComparer.Ordinal).ToList());
            });
            build.Published = rebuild.NotifyPublished;
            var session = new PreviewSession(server, build, rebuild);

            // The console line comes after LiveRebuild has set the overlay and sent the events: whoever reads it (a
            // person, a test) then finds the server in the state it describes.
            async Task RunAndReportAsync(PreviewChanges? changes)
            {
                last = null;
                try
                {
                    await rebuild.RunAsync(changes, cancellationToken).ConfigureAwait(false);
                }
                catch (RebuildSupersededException)
                {
                    // A newer change cancelled the site-wide files of this rebuild after its pages were published: the
                    // watcher's next callback (already due) makes this one's changes too, and reports.
                    return;
                }

                if (last is { } outcome)
                {
                    report?.Invoke(outcome, changes);
                }
            }

            await RunAndReportAsync(null).ConfigureAwait(false);
            session._watcher = new PreviewWatcher(
                request.InputFolder,
                Directory.Exists(request.ThemeFolder) ? request.ThemeFolder : null,
                RunAndReportAsync,
                onWatcherError,
                onChangeWhileRunning: build.Supersede);
            return session;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}
