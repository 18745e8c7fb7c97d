namespace Handbook.Site.Theming.Views;

/// <summary>
/// A department or folder page (<c>department</c>): its <c>slug</c> (path below <c>job-families/</c>), title and URL, its own rendered content when the input has an
/// index page for it (<c>content_html</c>, null otherwise; output with <c>| raw</c>), and its families.
/// </summary>
public sealed record DepartmentView(string Slug, string Title, string Url, string? ContentHtml, IReadOnlyList<FamilySummaryView> Families, int FamilyCount);
