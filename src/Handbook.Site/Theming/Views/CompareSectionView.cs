namespace Handbook.Site.Theming.Views;

/// <summary>A compared section (<c>title</c>, e.g. "Responsibilities") and its aligned <c>rows</c>.</summary>
public sealed record CompareSectionView(string Title, IReadOnlyList<CompareRowView> Rows);
