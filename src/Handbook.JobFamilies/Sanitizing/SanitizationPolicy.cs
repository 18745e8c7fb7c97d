namespace Handbook.JobFamilies.Sanitizing;

/// <summary>
/// THE sanitization policy of the site, in one place (README.md explains it). Page bodies may contain
/// raw HTML because GitLab's pages do (video embeds, anchors, line breaks in tables); everything outside this policy is
/// removed from the rendered page by <see cref="ContentSanitizer"/> and reported at its source position by
/// <see cref="ContentSafetyPass"/>.
/// </summary>
public static class SanitizationPolicy
{
    /// <summary>Elements kept: what Markdown renders, plus the HTML real pages write (figure, iframe embeds, span, br…).</summary>
    public static readonly IReadOnlySet<string> AllowedTags = Set(
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
        "a", "img", "span", "div", "figure", "figcaption", "iframe", "details", "summary",
        "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "kbd", "abbr", "cite", "q");

    /// <summary>
    /// Attributes kept (on any allowed element, except <c>name</c>, kept only on <c>a</c> as an old-style anchor). The
    /// accessibility attributes and <c>data-inherited-from</c> are what the site's own passes write (extends rendering).
    /// </summary>
    public static readonly IReadOnlySet<string> AllowedAttributes = Set(
        "href", "src", "alt", "title", "width", "height", "class", "id", "name", "lang", "dir",
        "colspan", "rowspan", "align", "start", "style", "open",
        "frameborder", "allow", "allowfullscreen", "loading", "referrerpolicy",
        "role", "aria-label", "aria-hidden", "aria-describedby", "data-inherited-from");

    /// <summary>URL schemes allowed in <c>href</c>/<c>src</c>; relative URLs and <c>#anchors</c> are always allowed. No <c>data:</c>.</summary>
    public static readonly IReadOnlySet<string> AllowedSchemes = Set("http", "https", "mailto");

    /// <summary>CSS properties allowed in a <c>style</c> attribute (table alignment, underline); others are removed.</summary>
    public static readonly IReadOnlySet<string> AllowedCssProperties = Set(
        "text-align", "text-decoration", "text-decoration-line", "font-weight", "font-style", "vertical-align");

    /// <summary>Where an <c>&lt;iframe src&gt;</c> may point: https, one of these hosts, and a path starting with the prefix.</summary>
    public static readonly IReadOnlyList<(string Host, string PathPrefix)> IframeSources =
    [
        ("www.youtube.com", "/embed/"),
        ("www.youtube-nocookie.com", "/embed/"),
        ("player.vimeo.com", "/"),
    ];

    /// <summary>
    /// Elements removed together with everything inside them: they run code, load other documents, submit data, or
    /// change the page's behaviour (<c>base</c>, <c>meta</c> refresh).
    /// </summary>
    public static readonly IReadOnlySet<string> DangerousTags = Set(
        "script", "style", "object", "embed", "applet", "param", "form", "input", "button", "textarea", "select", "option",
        "base", "meta", "link", "frame", "frameset", "svg", "math", "template", "noscript", "portal");

    /// <summary>Attributes that can hold a URL and are checked against <see cref="AllowedSchemes"/>.</summary>
    public static readonly IReadOnlySet<string> UrlAttributes = Set(
        "href", "src", "action", "formaction", "poster", "background", "cite", "xlink:href", "data", "lowsrc", "dynsrc");

    /// <summary>HTML element names (HTML Living Standard); a "tag" with another name in text is a typo shown as text.</summary>
    public static readonly IReadOnlySet<string> KnownElements = Set(
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del",
        "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
        "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i",
        "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "math", "menu",
        "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture",
        "portal", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section", "select", "slot",
        "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video",
        "wbr", "applet", "marquee", "blink", "nobr");

    /// <summary>True when <paramref name="src"/> is an https URL on <see cref="IframeSources"/>.</summary>
    public static bool IsAllowedIframeSource(string? src) =>
        Uri.TryCreate(src?.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && IframeSources.Any(s => uri.Host.Equals(s.Host, StringComparison.OrdinalIgnoreCase)
                                  && uri.AbsolutePath.StartsWith(s.PathPrefix, StringComparison.Ordinal));

    /// <summary>
    /// The scheme of a URL as a browser reads it (whitespace and control characters ignored, lower case), or null for a
    /// relative URL.
    /// </summary>
    public static string? SchemeOf(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var cleaned = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var scheme = cleaned[..colon];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(scheme[0])
            ? scheme.ToLowerInvariant()
            : null;
    }

    /// <summary>True when <paramref name="url"/> is relative or uses an allowed scheme.</summary>
    public static bool IsAllowedUrl(string? url) => SchemeOf(url) is not { } scheme || AllowedSchemes.Contains(scheme);

    /// <summary>True when a <c>style</c> value could run script or load something (<c>expression()</c>, <c>url()</c>, <c>javascript:</c>).</summary>
    public static bool IsDangerousStyle(string style)
    {
        var s = new string(style.Where(c => !char.IsWhiteSpace(c) && c != '\\').ToArray()).ToLowerInvariant();
        return s.Contains("expression(", StringComparison.Ordinal) || s.Contains("url(", StringComparison.Ordinal)
            || s.Contains("javascript:", StringComparison.Ordinal) || s.Contains("@import", StringComparison.Ordinal)
            || s.Contains("behavior:", StringComparison.Ordinal) || s.Contains("-moz-binding", StringComparison.Ordinal);
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}
