namespace Handbook.Site.Security;

using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

/// <summary>
/// What one rendered page loads or runs, as the Content-Security-Policy sees it: the origins of its scripts,
/// stylesheets, images and frames (<c>'self'</c> for same-site URLs), the hashes of its inline scripts, and whether it
/// needs inline styles (a <c>style</c> attribute, a <c>&lt;style&gt;</c> element, or the Mermaid bundle, which writes
/// a <c>&lt;style&gt;</c> into every diagram it draws). Read from the parsed page, so whatever a template or a pass
/// adds is seen.
/// </summary>
public sealed record PageResources
{
    public const string Self = "'self'";

    public IReadOnlySet<string> Scripts { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Styles { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Images { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Frames { get; init; } = new HashSet<string>();

    public bool InlineStyles { get; init; }

    /// <summary>Where the page's forms submit to (<c>form-action</c>).</summary>
    public IReadOnlySet<string> FormTargets { get; init; } = new HashSet<string>();

    /// <summary>
    /// What the page's scripts fetch (<c>connect-src</c>), as the theme declares it on the script element with
    /// <c>data-connect="/search-index.json"</c>: a script's fetches cannot be read from the page itself.
    /// </summary>
    public IReadOnlySet<string> Connects { get; init; } = new HashSet<string>();

    /// <param name="html">The rendered page.</param>
    /// <param name="siteOrigin">The site's own origin (from the base URL), so absolute links to it count as <c>'self'</c>; null when unknown.</param>
    /// <param name="inlineStyleScripts">Script URLs known to write inline styles when they run (the vendored Mermaid).</param>
    public static PageResources Of(string html, string? siteOrigin, IReadOnlySet<string> inlineStyleScripts) =>
        PageResourceScanner.TryRead(html, siteOrigin, inlineStyleScripts) ?? FromDom(html, siteOrigin, inlineStyleScripts);

    /// <summary>
    /// <see cref="Of(string, string?, IReadOnlySet{string})"/> for a page that is not a string (one staged from the
    /// buffer it was rendered into): the same facts; only a page the scanner gives up on is copied into a string.
    /// </summary>
    public static PageResources Of(ReadOnlySpan<char> html, string? siteOrigin, IReadOnlySet<string> inlineStyleScripts) =>
        PageResourceScanner.TryRead(html, siteOrigin, inlineStyleScripts) ?? FromDom(html.ToString(), siteOrigin, inlineStyleScripts);

    /// <summary>
    /// The same facts read from the page parsed by AngleSharp: the reference for <see cref="PageResourceScanner"/>,
    /// and the path for pages it does not follow.
    /// </summary>
    public static PageResources FromDom(string html, string? siteOrigin, IReadOnlySet<string> inlineStyleScripts)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var scripts = new HashSet<string>(StringComparer.Ordinal);
        var connects = new HashSet<string>(StringComparer.Ordinal);
        var inlineStyles = document.QuerySelector("[style], style") is not null;
        foreach (var script in document.QuerySelectorAll("script").Where(IsExecutable))
        {
            if (script.GetAttribute("data-connect") is { } connect)
            {
                connects.Add(SourceOf(connect, siteOrigin));
            }

            if (script.GetAttribute("src") is { } src)
            {
                scripts.Add(SourceOf(src, siteOrigin));
                inlineStyles |= inlineStyleScripts.Contains(src);
            }
            else
            {
                scripts.Add(HashOf(script.TextContent));
            }
        }

        return new PageResources
        {
            Scripts = scripts,
            Styles = Sources(document.QuerySelectorAll("link[rel~=stylesheet][href]"), "href", siteOrigin),
            Images = Sources(document.QuerySelectorAll("img[src]"), "src", siteOrigin),
            Frames = Sources(document.QuerySelectorAll("iframe[src]"), "src", siteOrigin),
            InlineStyles = inlineStyles,
            FormTargets = Sources(document.QuerySelectorAll("form[action]"), "action", siteOrigin),
            Connects = connects,
        };
    }

    /// <summary>The CSP source of a URL: <c>'self'</c> for relative and same-origin URLs, else its scheme, host and port.</summary>
    public static string SourceOf(string url, string? siteOrigin)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            // Relative URLs (and protocol-relative "//host" ones, which Uri reads as file paths here) load from the site.
            return url.TrimStart().StartsWith("//", StringComparison.Ordinal) && Uri.TryCreate("https:" + url.Trim(), UriKind.Absolute, out var schemeless)
                ? schemeless.Host
                : Self;
        }

        var origin = uri.GetLeftPart(UriPartial.Authority);
        return string.Equals(origin, siteOrigin, StringComparison.OrdinalIgnoreCase) ? Self : origin;
    }

    /// <summary>The CSP hash source of an inline script: <c>'sha256-…'</c> over its exact text.</summary>
    public static string HashOf(string scriptText) =>
        "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(scriptText))) + "'";

    private static HashSet<string> Sources(IEnumerable<IElement> elements, string attribute, string? siteOrigin) =>
        elements.Select(e => SourceOf(e.GetAttribute(attribute) ?? string.Empty, siteOrigin)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Scripts the browser runs: no type, a JavaScript type or a module (not JSON-LD or templates).</summary>
    private static bool IsExecutable(IElement script) => IsExecutableType(script.GetAttribute("type"));

    /// <summary>Whether a script element with this <c>type</c> attribute (null when absent) runs.</summary>
    internal static bool IsExecutableType(string? type) =>
        type?.Trim().ToLowerInvariant() is null or "" or "text/javascript" or "application/javascript" or "module";
}
