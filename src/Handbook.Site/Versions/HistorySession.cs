namespace Handbook.Site.Versions;

using System.Collections.Concurrent;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.IO;
using Handbook.Site.History;
using Handbook.Site.History.Settings;

/// <summary>
/// The git history of one build: the discovered versions and settings (set by the <c>ReadHistory</c> stage), plus
/// memoised reads – each blob is read and decoded once, each commit's input tree listed once – shared by the
/// parallel version renders. Disposed at the end of the build (it keeps the repository open).
/// </summary>
public sealed class HistorySession : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<CommitInput>> _inputs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _familyUrls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _pageUrls = new(StringComparer.Ordinal);

    public DiscoveredVersions Versions { get; private set; } = DiscoveredVersions.None;

    public SiteSettings Settings { get; private set; } = SiteSettings.Default;

    public bool IsEnabled => Versions.IsEnabled;

    /// <summary>What earlier builds worked out from git objects (<see cref="HistoryFacts"/>; none without <c>--cache</c>).</summary>
    public HistoryFacts Facts { get; private set; } = HistoryFacts.None;

    /// <summary>Reads <c>input/settings.yml</c> and discovers the versions (once per build); HIST0xx go to <paramref name="diagnostics"/>.</summary>
    /// <param name="cacheFolder">The build's <c>--cache</c> folder, where folding keeps what it compared
    /// (<see cref="FoldComparisons"/>); null: nothing is kept.</param>
    public void Open(string inputFolder, DiagnosticBag diagnostics, string? cacheFolder = null)
    {
        // Its problems (SET0xx) are reported by the ReadSiteSettings stage, once per build; not again here.
        Settings = SiteSettingsFile.Load(inputFolder, new DiagnosticBag());
        Versions = VersionDiscovery.Discover(inputFolder, Settings.History, diagnostics, cacheFolder is null ? null : FoldComparisons.Open(cacheFolder));
        Facts = cacheFolder is null ? HistoryFacts.None : HistoryFacts.Open(cacheFolder);
    }

    /// <summary>A blob's text decoded like an input file (BOM dropped, CRLF → LF); null when unreadable or not UTF-8. Read once per build (folding read it first).</summary>
    public string? ReadText(string blobSha) => Versions.ReadText(blobSha);

    /// <summary>
    /// The job-family URLs a blob's text mentions (<see cref="PageLinks.FamilyUrls"/>; none when unreadable), found
    /// once per blob: a page linked from many versions is scanned once, not once per version.
    /// </summary>
    public IReadOnlyList<string> FamilyUrlsIn(string blobSha) =>
        _familyUrls.GetOrAdd(blobSha, sha => PageLinks.FamilyUrls(ReadText(sha) ?? string.Empty));

    /// <summary>The input files of a commit (pages, partials, data), listed once.</summary>
    public CommitInput InputAt(string commitSha) =>
        _inputs.GetOrAdd(commitSha, sha => new Lazy<CommitInput>(() =>
            new CommitInput(Versions.ListFilesAt(sha, HistoricInputFiles.DescendInto, HistoricInputFiles.Includes), PageUrlOf))).Value;

    // CommitInput.PageUrlOf once per path of the build.
    private string? PageUrlOf(string path) => _pageUrls.GetOrAdd(path, CommitInput.PageUrlOf);

    public void Dispose() => Versions.Dispose();
}
