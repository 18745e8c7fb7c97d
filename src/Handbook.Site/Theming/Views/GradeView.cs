namespace Handbook.Site.Theming.Views;

/// <summary>
/// A role's grade: <c>value</c> as written ("9.5"), the grade's <c>title</c> and <c>track</c> when it was resolved
/// against the grade data, and the <c>url</c> of the grade table row.
/// </summary>
public sealed record GradeView(string Value, string? Title, string? Track, string? Url, bool Resolved);
