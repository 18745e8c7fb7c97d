namespace Handbook.Site.Building;

/// <summary>
/// What one build or check is asked to do. Folders are as the user gave them (relative to the current folder).
/// <see cref="WriteOutput"/> is false for <c>check</c>; <see cref="KeepGoing"/> writes the output even when errors
/// were reported (otherwise the previous output is left untouched).
/// </summary>
public sealed record BuildRequest
{
    public required string InputFolder { get; init; }

    public required string OutputFolder { get; init; }

    public required string ThemeFolder { get; init; }

    public string? BaseUrl { get; init; }

    public bool KeepGoing { get; init; }

    public bool WriteOutput { get; init; } = true;

    /// <summary>Folder of the render cache kept between builds (<c>--cache</c>); null means no cache.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>
    /// With <see cref="CacheFolder"/>: a build that misses the whole-build cache restores the families an edit cannot
    /// affect from the states the previous such build stored, and stores its own (<c>--reuse-families</c>, issue 9). Off
    /// by default: storing costs a cold build ≈ 10 % CPU and ≈ 50 % peak memory, repaid only by the builds after it.
    /// With history it also keeps the finished version and history pages (<see cref="Versions.VersionPageCache"/>).
    /// </summary>
    public bool ReusesFamilies { get; init; }

    /// <summary>
    /// With <see cref="CacheFolder"/>: reuse families as <see cref="ReusesFamilies"/> does whenever the build reads git
    /// history (<c>build --cache</c> sets it, twenty-first session). A versioned build renders every body before the theme
    /// anyway (the versions compare them), so storing the states costs it nothing measurable, while after one commit it
    /// restores every family the commit did not touch (replayed history: 0.40× → 0.31× of the cold versioned build, CPU).
    /// A build without history keeps its batched, deferred bodies unless <see cref="ReusesFamilies"/> asks for reuse.
    /// </summary>
    public bool ReusesFamiliesWithHistory { get; init; }

    /// <summary>Whether this build reuses families, given whether it reads git history (<paramref name="versioned"/>).</summary>
    public bool ReusesFamiliesWhen(bool versioned) => CacheFolder is not null && (ReusesFamilies || (ReusesFamiliesWithHistory && versioned));

    /// <summary>Whether versions are rendered from git history (on by default; <c>--no-history</c> turns it off).</summary>
    public bool History { get; init; } = true;

    /// <summary>
    /// Pages per batch of a one-shot build without versions (<see cref="JobFamilies.Stages.ProcessFamiliesInBatches"/>:
    /// not every page's Markdown tree is alive at once, issue 9); zero runs the stages over the whole set (the tests
    /// compare both). Builds with versions or <see cref="ReusesFamilies"/> always run them over the whole set.
    /// </summary>
    public int FamiliesPerBatch { get; init; } = JobFamilies.Stages.ProcessFamiliesInBatches.DefaultFamiliesPerBatch;

    /// <summary>
    /// Whether a version whose grade data differs from the working tree's takes the current page's result when both
    /// tables answer the page's grade lookups alike (<see cref="Versions.GradeLookupAgreement"/>); false renders it
    /// (the tests' oracle).
    /// </summary>
    public bool ReusesVersionsOfAgreeingGrades { get; init; } = true;

    /// <summary>Sites with fewer pages than this are not batched (<see cref="JobFamilies.Stages.ProcessFamiliesInBatches.DefaultSmallestBatchedSite"/>; the tests batch small inputs with zero).</summary>
    public int SmallestBatchedSite { get; init; } = JobFamilies.Stages.ProcessFamiliesInBatches.DefaultSmallestBatchedSite;
}
