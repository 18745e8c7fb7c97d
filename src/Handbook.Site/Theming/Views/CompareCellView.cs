namespace Handbook.Site.Theming.Views;

/// <summary>One bullet in a compare column: its <c>text</c> and, for an inherited bullet, the role it comes from (<c>inherited_from</c>, a link).</summary>
public sealed record CompareCellView(string Text, LinkView? InheritedFrom);
