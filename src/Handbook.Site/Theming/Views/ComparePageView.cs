namespace Handbook.Site.Theming.Views;

/// <summary>
/// <c>compare.liquid</c>'s <c>compare</c>: the family (<c>title</c>, <c>url</c>), its <c>levels</c>, every pair of
/// levels (<c>pairs</c>, in ladder order; the first is shown when the URL names none), and <c>choices</c>, the pair
/// links grouped by level for choosing without JavaScript.
/// </summary>
public sealed record ComparePageView(string Title, string Url, IReadOnlyList<CompareLevelView> Levels, IReadOnlyList<ComparePairView> Pairs, IReadOnlyList<CompareChoiceView> Choices);
