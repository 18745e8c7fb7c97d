namespace Handbook.Site.Theming.Views;

/// <summary>
/// What the layout needs about the page it wraps (<c>page</c>): title, meta description, canonical URL and the
/// breadcrumb trail (the last crumb is the page itself and has no link), and the <c>scripts</c> the page needs
/// (e.g. the vendored Mermaid when it has diagrams).
/// </summary>
public sealed record PageView(string Title, string? Description, string Url, string CanonicalUrl, IReadOnlyList<LinkView> Breadcrumbs)
{
    public IReadOnlyList<string> Scripts { get; init; } = [];

    /// <summary>True for pages search engines should not index (historic versions): the layout adds <c>robots noindex</c>.</summary>
    public bool NoIndex { get; init; }
}
