namespace Handbook.Site.Versions.Views;

/// <summary>
/// The banner of a historic page (<c>version</c> in <c>job-family-version.liquid</c>): which version this is, when
/// and why it was made, links to the current page and the history, the grades the page used that the grade table
/// of its commit did not have, and whether earlier history is cut off by a shallow clone.
/// </summary>
public sealed record VersionBannerView(
    string Id,
    string Date,
    string DateIso,
    string Subject,
    string ShortSha,
    string? CommitUrl,
    string CurrentUrl,
    string HistoryUrl,
    bool IsLatest,
    IReadOnlyList<string> UnknownGrades,
    bool AtShallowBoundary);
