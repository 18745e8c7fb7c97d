namespace Handbook.Site.Theming.Views;

/// <summary>One bullet in a compare column: its <c>text</c> and, for an inherited bullet, the role it comes from (<c>inherited_from</c>, a link).</summary>
public sealed record CompareCellView(string Text, LinkView? InheritedFrom)
{
    /// <summary>
    /// What templates read as <c>inherited_from</c> when the page shares one value per origin (<see cref="CompareRows"/>);
    /// null: the link is wrapped as any view is.
    /// </summary>
    internal SharedLinkValue? InheritedFromValue { get; init; }
}
