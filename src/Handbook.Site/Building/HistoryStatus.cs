namespace Handbook.Site.Building;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Versions;

/// <summary>
/// The history of a build, read before the stages are composed (whether there is history decides whether pages
/// link the changes feed): the open <see cref="HistorySession"/>, what reading it reported (settings problems, "no
/// repository", "shallow clone" – each once; <c>RenderVersionPages</c> reports them into the build) and the
/// versions' render cache under <c>--cache DIR</c>.
/// </summary>
public sealed class HistoryStatus : IDisposable
{
    private HistoryStatus(HistorySession session, IReadOnlyList<Diagnostic> diagnostics, VersionRenderCache? cache, VersionPageCache? pageCache)
    {
        Session = session;
        Diagnostics = diagnostics;
        Cache = cache;
        PageCache = pageCache;
    }

    public HistorySession Session { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public VersionRenderCache? Cache { get; }

    /// <summary>The finished version and history pages under <c>--cache DIR --reuse-families</c>.</summary>
    public VersionPageCache? PageCache { get; }

    public static HistoryStatus Read(BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new DiagnosticBag();
        var session = new HistorySession();
        session.Open(request.InputFolder, diagnostics, request.CacheFolder);
        // Finished version pages are kept only where families are reused (--reuse-families, and by default in a `build
        // --cache` that reads history), storing work the next build may reuse. Stored as one pack they no longer cost the cold build a file per page, but on the default path they
        // did not make the replayed history's build after one commit measurably cheaper either (fourteenth session:
        // keys, reading and writing the ≈ 7 MB pack cost about what rendering 282 pages through the theme did).
        var cache = request.CacheFolder is { } folder ? new VersionRenderCache(folder) : null;
        var pageCache = request.CacheFolder is { } pages && request.ReusesFamiliesWhen(session.IsEnabled) ? new VersionPageCache(pages) : null;
        return new HistoryStatus(session, diagnostics.Sorted(), cache, pageCache);
    }

    public void Dispose() => Session.Dispose();
}
