namespace Handbook.Site.Theming.Views;

/// <summary>
/// What the layout needs about the page it wraps (<c>page</c>): title, meta description, canonical URL and the
/// breadcrumb trail (the last crumb is the page itself and has no link), and the <c>scripts</c> the page needs
/// (e.g. the vendored Mermaid when it has diagrams). <c>og_type</c> is the Open Graph type (<c>article</c> for a job
/// family, else <c>website</c>); <c>json_ld</c> is the page's schema.org JSON-LD (already escaped for a script element;
/// print it with <c>| raw</c>), or nil.
/// </summary>
public sealed record PageView(string Title, string? Description, string Url, string CanonicalUrl, IReadOnlyList<LinkView> Breadcrumbs)
{
    public IReadOnlyList<string> Scripts { get; init; } = [];

    public string OgType { get; init; } = "website";

    public string? JsonLd { get; init; }
}
