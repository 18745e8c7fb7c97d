namespace Handbook.Site.Versions.Views;

/// <summary>One row of <c>/job-families/recent-changes/</c> and one entry of the Atom feed: a version of a family.</summary>
public sealed record RecentChangeView(
    string Date,
    string DateIso,
    string FamilyTitle,
    string FamilyUrl,
    string VersionUrl,
    string HistoryUrl,
    string Subject,
    string Summary,
    IReadOnlyList<string> GradeChanges);
