namespace Handbook.Site.Catalog;

/// <summary>
/// A department (first folder below <c>job-families/</c>) with its families, and its own index page when the input
/// has one. Departments without an index page still get a generated page listing their families.
/// </summary>
public sealed record Department(string Slug, string Title, string Url, CatalogEntry? IndexPage, IReadOnlyList<CatalogEntry> Families);
