namespace Handbook.Site.Search.Schema;

/// <summary>
/// <c>/search-index.json</c>: every job family with its roles. Item texts are stored once in <see cref="Texts"/>
/// and roles point at them by position, so a bullet that many levels inherit costs one string.
/// </summary>
public sealed record SearchIndexRoot(int Version, IReadOnlyList<string> Texts, IReadOnlyList<SearchFamily> Families);
