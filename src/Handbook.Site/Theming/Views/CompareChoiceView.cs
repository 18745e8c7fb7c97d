namespace Handbook.Site.Theming.Views;

/// <summary>For one level, the links to its pairs with every other level (<c>level</c>, <c>pairs</c>: links to <c>#id</c>).</summary>
public sealed record CompareChoiceView(CompareLevelView Level, IReadOnlyList<LinkView> Pairs);
