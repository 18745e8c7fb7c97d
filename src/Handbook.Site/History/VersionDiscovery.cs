namespace Handbook.Site.History;

using System.Diagnostics;
using Handbook.JobFamilies.Versions;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.History.Settings;

/// <summary>
/// The entry point for the build: reads the history of the input folder once, folds whitespace-only versions and
/// applies <c>history.since</c> / <c>history.max_versions</c>. Keep the result for the whole build (it holds the
/// repository open to read old page texts and grade files) and dispose it at the end.
/// </summary>
public static class VersionDiscovery
{
    /// <param name="comparisons">What folding compared in earlier builds (<c>--cache DIR</c>), consulted before any
    /// version's text is read and saved with this build's comparisons; null: every pair is compared from the texts.</param>
    public static DiscoveredVersions Discover(string inputFolder, HistorySettings settings, DiagnosticBag diagnostics, FoldComparisons? comparisons = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            return DiscoveredVersions.None;
        }

        var repository = RepositoryHistory.Open(inputFolder, diagnostics);
        if (repository is null)
        {
            return DiscoveredVersions.None;
        }

        var clock = Stopwatch.StartNew();
        var walk = repository.Walk();
        var walkTime = clock.Elapsed;
        var memo = comparisons ?? FoldComparisons.None;
        var families = walk.Families
            .Select(f => f with { Versions = VersionFolding.FoldWhere(f.Versions, (older, newer) => memo.Same(older, newer, (a, b) => SameText(repository, a, b))) })
            .Select(f => FamilyVersionsLimit.Apply(f, settings.Since, settings.MaxVersions))
            .ToList();
        memo.Save();
        return new DiscoveredVersions(repository, walk, families, walkTime);
    }

    /// <summary>
    /// The text folding compares: the blob as libgit2 decodes it (<see cref="RepositoryHistory.ReadBlobText"/>).
    /// Where the blob decodes as an input file, that text is taken instead – it is read once and used again by the
    /// renders – since it normalises to the same key: both drop a UTF-8 BOM and decode valid UTF-8 alike, and
    /// the only other difference, CRLF → LF, is what <see cref="VersionFolding.NormaliseWhitespace"/> does first.
    /// Binary, non-UTF-8 or UTF-16 blobs (no input text) keep libgit2's lenient decoding.
    /// </summary>
    internal static string? FoldText(RepositoryHistory repository, string blobSha) =>
        repository.ReadInputText(blobSha) ?? repository.ReadBlobText(blobSha);

    /// <summary>
    /// What folding asks of two versions' blobs (<see cref="VersionFolding.FoldWhere"/>): both texts known
    /// (<see cref="FoldText"/>) and the same after normalising whitespace.
    /// </summary>
    internal static bool SameText(RepositoryHistory repository, string olderBlob, string newerBlob) =>
        FoldText(repository, olderBlob) is { } older
        && FoldText(repository, newerBlob) is { } newer
        && VersionFolding.SameAfterNormalising(older, newer);
}
