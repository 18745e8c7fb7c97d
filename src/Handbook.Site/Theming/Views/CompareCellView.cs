namespace Handbook.Site.Theming.Views;

/// <summary>One bullet in a compare column: its <c>text</c> and, for an inherited bullet, the role it comes from (<c>inherited_from</c>, a link).</summary>
public sealed record CompareCellView
{
    // The link, or the value a page shares for it (which holds the link): one field either way, as the cells of a
    // compare page are many (issue 9).
    private readonly object? _inheritedFrom;

    public CompareCellView(string text, LinkView? inheritedFrom)
    {
        Text = text;
        _inheritedFrom = inheritedFrom;
    }

    /// <summary>An inherited bullet whose link the page shares with its other cells from the same origin (<see cref="CompareRows"/>).</summary>
    internal CompareCellView(string text, SharedLinkValue inheritedFrom)
    {
        Text = text;
        _inheritedFrom = inheritedFrom;
    }

    public string Text { get; init; }

    public LinkView? InheritedFrom => _inheritedFrom as LinkView ?? (LinkView?)(_inheritedFrom as SharedLinkValue)?.Value;

    /// <summary>
    /// What templates read as <c>inherited_from</c> when the page shares one value per origin; null: the link is
    /// wrapped as any view is.
    /// </summary>
    internal SharedLinkValue? InheritedFromValue => _inheritedFrom as SharedLinkValue;
}
