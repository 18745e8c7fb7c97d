namespace Handbook.Site.Theming.Views;

/// <summary><c>ladder.liquid</c>'s <c>ladder</c>: the department (<c>title</c>, <c>url</c>) and its <c>families</c> ordered by grade.</summary>
public sealed record LadderPageView(string Title, string Url, IReadOnlyList<LadderFamilyView> Families);
