namespace Handbook.Site.Theming.Views;

/// <summary>
/// Two levels side by side: <c>id</c> (the element id, <c>compare-&lt;left&gt;--&lt;right&gt;</c>), <c>left</c>,
/// <c>right</c>, <c>sections</c>, and counts of shared bullets and bullets only one side lists.
/// </summary>
public sealed record ComparePairView(string Id, CompareLevelView Left, CompareLevelView Right, IReadOnlyList<CompareSectionView> Sections, int SharedCount, int LeftOnlyCount, int RightOnlyCount);
