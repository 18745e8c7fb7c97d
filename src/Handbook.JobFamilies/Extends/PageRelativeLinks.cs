namespace Handbook.JobFamilies.Extends;

using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Links that mean something only on the page they are written on: a bare anchor (<c>#professional-experience</c>)
/// or a relative path (<c>../senior/</c>). A bullet copied into another page takes them along, where the anchor names
/// a heading that page does not have; its copy gets them rebased on the page the bullet comes from. Why: when
/// engineering/engineering-management inherited the backend page's shared requirements, "[language]
/// (#primary-programming-language)" pointed at nothing (LINK004 at 1:1 of a page that never wrote it).
/// </summary>
internal static class PageRelativeLinks
{
    // Any absolute URL resolves the same; only its path, query and fragment are kept.
    private static readonly Uri Site = new("https://site.invalid/");

    /// <summary>True when a link of <paramref name="item"/> (its Markdown links, images included) is page-relative.</summary>
    public static bool In(ListItemBlock item)
    {
        ArgumentNullException.ThrowIfNull(item);
        foreach (var link in item.Descendants<LinkInline>())
        {
            if (IsPageRelative(link.Url))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="url"/> as seen from any page, when it is page-relative on <paramref name="pageUrl"/>; else unchanged.</summary>
    public static string Rebase(string url, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(pageUrl);
        if (!IsPageRelative(url))
        {
            return url;
        }

        if (url[0] == '#')
        {
            return pageUrl + url;
        }

        return new Uri(new Uri(Site, pageUrl), url).GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
    }

    /// <summary>Not empty, not site-absolute (<c>/…</c>, <c>//host</c>) and without a scheme (<c>https:</c>, <c>mailto:</c>).</summary>
    private static bool IsPageRelative(string? url) =>
        !string.IsNullOrWhiteSpace(url) && url[0] != '/' && !HasScheme(url);

    // RFC 3986: a scheme is a letter followed by letters, digits, '+', '-' or '.', then ':' (before any '/', '?' or '#').
    private static bool HasScheme(string url)
    {
        if (!char.IsAsciiLetter(url[0]))
        {
            return false;
        }

        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }
}
