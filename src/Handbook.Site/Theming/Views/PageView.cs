namespace Handbook.Site.Theming.Views;

/// <summary>
/// What the layout needs about the page it wraps (<c>page</c>): title, meta description, canonical URL and the
/// breadcrumb trail (the last crumb is the page itself and has no link).
/// </summary>
public sealed record PageView(string Title, string? Description, string Url, string CanonicalUrl, IReadOnlyList<LinkView> Breadcrumbs);
