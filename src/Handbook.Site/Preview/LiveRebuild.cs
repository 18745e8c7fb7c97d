namespace Handbook.Site.Preview;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// One rebuild as the preview sees it: snapshot the output, run the build, then tell the browsers. Errors go to the
/// overlay (warnings too when <see cref="ShowWarnings"/>: off by default, because a large handbook always has some
/// and an overlay on every page load would hide the page); a clean build clears it; the pages whose output changed
/// reload. The CLI calls <see cref="RunAsync"/> once at start and then from the <see cref="PreviewWatcher"/> callback.
/// </summary>
public sealed class LiveRebuild
{
    private readonly PreviewServer _server;
    private readonly string _outputFolder;
    private readonly Func<CancellationToken, Task<IReadOnlyList<Diagnostic>>> _build;

    /// <param name="build">Runs the build (writing <paramref name="outputFolder"/>) and returns its diagnostics.</param>
    public LiveRebuild(PreviewServer server, string outputFolder, Func<CancellationToken, Task<IReadOnlyList<Diagnostic>>> build)
    {
        _server = server;
        _outputFolder = outputFolder;
        _build = build;
    }

    public bool ShowWarnings { get; init; }

    /// <summary>Builds and notifies; returns the build's diagnostics (for the console).</summary>
    public async Task<IReadOnlyList<Diagnostic>> RunAsync(CancellationToken cancellationToken)
    {
        var before = OutputSnapshot.Take(_outputFolder);
        var diagnostics = await _build(cancellationToken).ConfigureAwait(false);
        var shown = diagnostics.Where(d => d.Severity == Severity.Error || (ShowWarnings && d.Severity == Severity.Warning)).ToArray();
        if (shown.Length > 0)
        {
            _server.ShowErrors(shown);
        }
        else
        {
            _server.ClearErrors();
        }

        var changed = before.ChangedUrls(OutputSnapshot.Take(_outputFolder));
        if (changed.Count > 0)
        {
            _server.NotifyChanged(changed);
        }

        return diagnostics;
    }
}
