namespace Handbook.Site.Preview;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// One rebuild as the preview sees it: run the build, then tell the browsers. Errors go to the overlay (warnings
/// too when <see cref="ShowWarnings"/>: off by default, because a large handbook always has some and an overlay on
/// every page load would hide the page); a clean build clears it; the pages whose output changed reload. The CLI
/// calls <see cref="RunAsync"/> once at start and then from the <see cref="PreviewWatcher"/> callback.
/// </summary>
/// <remarks>
/// A build that reports the output files it changed (<see cref="LiveBuildOutcome.ChangedFiles"/>, as the incremental
/// <see cref="PreviewBuild"/> does) is trusted; for one that does not, the output folder is hashed before and after.
/// </remarks>
public sealed class LiveRebuild
{
    private readonly PreviewServer _server;
    private readonly string _outputFolder;
    private readonly Func<PreviewChanges?, CancellationToken, Task<LiveBuildOutcome>> _build;
    private readonly bool _reportsChanges;

    /// <param name="build">Runs the build (writing <paramref name="outputFolder"/>) and returns its diagnostics; the
    /// changed pages are found by comparing snapshots of the output folder.</param>
    public LiveRebuild(PreviewServer server, string outputFolder, Func<CancellationToken, Task<IReadOnlyList<Diagnostic>>> build)
        : this(server, outputFolder, async (_, ct) => new LiveBuildOutcome(await build(ct).ConfigureAwait(false), null))
    {
        _reportsChanges = false;
    }

    /// <param name="build">Runs the build for a burst of changes (null: the first build) and says which output files
    /// it changed.</param>
    public LiveRebuild(PreviewServer server, string outputFolder, Func<PreviewChanges?, CancellationToken, Task<LiveBuildOutcome>> build)
    {
        _server = server;
        _outputFolder = outputFolder;
        _build = build;
        _reportsChanges = true;
    }

    public bool ShowWarnings { get; init; }

    /// <summary>Builds everything and notifies; returns the build's diagnostics (for the console).</summary>
    public Task<IReadOnlyList<Diagnostic>> RunAsync(CancellationToken cancellationToken) => RunAsync(null, cancellationToken);

    /// <summary>
    /// Tells the browsers about pages a build published before it ended (its first phase, which runs only while the
    /// build has no error): an overlay still showing the previous build's errors is cleared, and the pages reload. The
    /// build's end then notifies only what it changed besides, and shows any error its later phase found.
    /// </summary>
    public void NotifyPublished(IReadOnlyList<string> outputFiles)
    {
        ArgumentNullException.ThrowIfNull(outputFiles);
        if (_server.CurrentErrorCount > 0)
        {
            _server.ClearErrors();
        }

        var urls = OutputSnapshot.UrlsOf(outputFiles);
        if (urls.Count > 0)
        {
            _server.NotifyChanged(urls);
        }
    }

    /// <summary>Builds after <paramref name="changes"/> (null: everything) and notifies; returns the build's diagnostics.</summary>
    public async Task<IReadOnlyList<Diagnostic>> RunAsync(PreviewChanges? changes, CancellationToken cancellationToken)
    {
        // Hashing a large output folder takes long: only for builds that cannot say what they changed.
        var before = _reportsChanges ? null : OutputSnapshot.Take(_outputFolder);
        var outcome = await _build(changes, cancellationToken).ConfigureAwait(false);
        var shown = outcome.Diagnostics.Where(d => d.Severity == Severity.Error || (ShowWarnings && d.Severity == Severity.Warning)).ToArray();
        if (shown.Length > 0)
        {
            _server.ShowErrors(shown);
        }
        else
        {
            _server.ClearErrors();
        }

        var changed = before is null
            ? OutputSnapshot.UrlsOf(outcome.ChangedFiles ?? [])
            : before.ChangedUrls(OutputSnapshot.Take(_outputFolder));
        if (changed.Count > 0)
        {
            _server.NotifyChanged(changed);
        }

        return outcome.Diagnostics;
    }
}
