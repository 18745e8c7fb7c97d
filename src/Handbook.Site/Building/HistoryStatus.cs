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
    private HistoryStatus(HistorySession session, IReadOnlyList<Diagnostic> diagnostics, VersionRenderCache? cache)
    {
        Session = session;
        Diagnostics = diagnostics;
        Cache = cache;
    }

    public HistorySession Session { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public VersionRenderCache? Cache { get; }

    public static HistoryStatus Read(BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new DiagnosticBag();
        var session = new HistorySession();
        session.Open(request.InputFolder, diagnostics);
        return new HistoryStatus(session, diagnostics.Sorted(), request.CacheFolder is null ? null : new VersionRenderCache(request.CacheFolder));
    }

    public void Dispose() => Session.Dispose();
}
