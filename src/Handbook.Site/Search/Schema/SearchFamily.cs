namespace Handbook.Site.Search.Schema;

/// <summary>A job family in the search index: what a result shows (title, department, description) and its roles.</summary>
public sealed record SearchFamily(string Title, string Url, string Department, string? Description, IReadOnlyList<SearchRole> Roles);
