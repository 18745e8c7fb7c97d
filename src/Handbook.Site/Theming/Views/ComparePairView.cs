namespace Handbook.Site.Theming.Views;

/// <summary>Two levels to put side by side: <c>id</c> (the anchor that selects them, <c>compare-2-4</c>), <c>left</c>, <c>right</c>.</summary>
public sealed record ComparePairView(string Id, CompareLevelView Left, CompareLevelView Right);
