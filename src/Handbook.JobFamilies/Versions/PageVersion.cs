namespace Handbook.JobFamilies.Versions;

/// <summary>
/// One version of a job-family page: the commit that produced this content of the page.
/// <see cref="Date"/> is the committer date in UTC as recorded in git (never the build clock);
/// <see cref="PathAtCommit"/> is the input-relative path the page had in that commit (it differs from the family's
/// current path after a rename or a move between departments); <see cref="BlobSha"/> identifies the page text and
/// <see cref="GradeDataBlobSha"/> the <c>data/job-grades.yml</c> of the same commit (null when the commit had none),
/// so a version can be rendered with the grade table that was valid then.
/// <see cref="Folded"/> lists newer versions merged into this one because their content was the same.
/// </summary>
public sealed record PageVersion(
    string Id,
    string CommitSha,
    DateTimeOffset Date,
    string Subject,
    string? Author,
    string PathAtCommit,
    string BlobSha,
    string? GradeDataBlobSha)
{
    public IReadOnlyList<FoldedVersion> Folded { get; init; } = [];

    /// <summary>
    /// True when the commit is the oldest visible one of a shallow clone: the page existed before it, but its
    /// earlier versions are not in the clone (the theme can say "earlier history not available").
    /// </summary>
    public bool AtShallowBoundary { get; init; }
}
