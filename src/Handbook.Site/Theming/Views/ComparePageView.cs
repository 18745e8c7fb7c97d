namespace Handbook.Site.Theming.Views;

/// <summary>
/// <c>compare.liquid</c>'s <c>compare</c>: the family (<c>title</c>, <c>url</c>), its <c>levels</c> (the table
/// columns), every pair of levels (<c>pairs</c>, in ladder order; the first shows when the URL names none),
/// <c>choices</c> (the pair links grouped by level, for choosing without JavaScript) and the aligned
/// <c>sections</c>: one table each, every level a column, one row per distinct bullet.
/// </summary>
public sealed record ComparePageView(string Title, string Url, IReadOnlyList<CompareLevelView> Levels, IReadOnlyList<ComparePairView> Pairs, IReadOnlyList<CompareChoiceView> Choices, IReadOnlyList<CompareSectionView> Sections);
