namespace Handbook.Site.Versions.Views;

/// <summary>
/// One version on a history page (newest first): date, commit subject, short sha (with the commit's web page when
/// <c>repository_url</c> is set), its page, and what changed since the previous version – grade changes called
/// out as "Senior: grade 7 → 8", then every role's added, removed and reworded items per section.
/// </summary>
public sealed record HistoryEntryView(
    string Id,
    string Url,
    string Date,
    string DateIso,
    string Subject,
    string ShortSha,
    string? CommitUrl,
    bool IsLatest,
    bool IsFirst,
    bool AtShallowBoundary,
    int FoldedCount,
    IReadOnlyList<string> UnknownGrades,
    IReadOnlyList<string> GradeChanges,
    IReadOnlyList<RoleChangeView> Changes);

/// <summary>A role's changes: <c>kind</c> is <c>added</c>, <c>removed</c> or <c>changed</c>; <c>grade</c> e.g. "grade 9 → 8".</summary>
public sealed record RoleChangeView(string Role, string Kind, string? Grade, IReadOnlyList<SectionChangeView> Sections);

/// <summary>A section's added, removed and reworded items.</summary>
public sealed record SectionChangeView(string Section, string Kind, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<ItemChangeView> Reworded);

/// <summary>An item reworded in place.</summary>
public sealed record ItemChangeView(string Old, string New);
