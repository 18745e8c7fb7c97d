namespace Handbook.Site.Theming.Views;

/// <summary>A family in a list (department and section pages): <c>title</c>, <c>description</c>, <c>url</c>.</summary>
public sealed record FamilySummaryView(string Title, string? Description, string Url);
