namespace Handbook.Site.Building;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// The outcome of a build: every diagnostic (sorted), how many HTML pages and families it produced, whether the
/// output folder was written, and how long it took (for the summary line only; never written into the output).
/// </summary>
public sealed record BuildReport(IReadOnlyList<Diagnostic> Diagnostics, int PageCount, int FamilyCount, bool OutputWritten, TimeSpan Elapsed)
{
    /// <summary>Per-stage times (printed with <c>--verbose</c>).</summary>
    public string Timings { get; init; } = string.Empty;

    /// <summary>
    /// The input-relative paths of the pages that were checked (job-family, department and folder pages), sorted;
    /// the JUnit report lists one test case per page.
    /// </summary>
    public IReadOnlyList<string> CheckedPages { get; init; } = [];

    /// <summary>
    /// How many distinct version contents were rendered, came from the render cache, or were the current page's own
    /// (same inputs as the working tree); all 0 without history.
    /// </summary>
    public (int Rendered, int FromCache, int Current) Versions { get; init; }

    /// <summary>
    /// Facts about versions (inputs, blob fingerprints) taken from the cache and worked out from git in this build
    /// (<see cref="Versions.HistoryFacts"/>; <c>--cache</c> only).
    /// </summary>
    public (int Reused, int Learned) HistoryFacts { get; init; }

    /// <summary>Version and history pages rendered through the theme and taken from the page cache (<c>--cache</c> only).</summary>
    public (int Rendered, int FromCache) VersionPages { get; init; }

    /// <summary>Of the version and history pages taken from the page cache, those left in place as the output's own files (not written again).</summary>
    public int VersionPagesKept { get; init; }

    /// <summary>
    /// Families whose version and history pages and recent-changes lines came from what an earlier build made of their
    /// unchanged history (<see cref="Versions.FamilyHistoryMemo"/>), their contents not read (<c>--cache</c> where families are reused only).
    /// </summary>
    public int FamilyHistoriesFromMemo { get; init; }

    /// <summary>
    /// Family and compare pages rendered through the theme, and those whose views were unchanged and were left in place as
    /// the output's own files instead (<see cref="Caching.ThemePageCache"/>; <c>--cache</c> where families are reused only).
    /// </summary>
    public (int Rendered, int Unchanged) ThemePages { get; init; }

    /// <summary>True when the output and diagnostics came from the build cache (<c>--cache</c>) unchanged.</summary>
    public bool FromCache { get; init; }

    /// <summary>Which families a <c>--cache</c> build that missed the whole-build cache built and restored; null otherwise.</summary>
    public FamilyReuseOutcome? FamilyReuse { get; init; }

    /// <summary>
    /// A <c>--cache</c> build that wrote its output: how many output files were left in place as the previous
    /// output's own files (unchanged bytes) instead of written, of how many the previous output was known to hold; null otherwise.
    /// </summary>
    public (int Kept, int Known)? OutputFilesKept { get; init; }

    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}
