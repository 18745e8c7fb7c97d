namespace Handbook.JobFamilies.Sanitizing;

using System.Buffers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig.Syntax;

/// <summary>
/// Enforces <see cref="SanitizationPolicy"/> on a rendered page body. Dangerous elements and iframes from other hosts
/// are removed with their content first; then HtmlSanitizer keeps only the allowed tags (the text of other tags stays),
/// attributes, URL schemes and CSS properties, and drops comments. Thread-safe; reporting is
/// <see cref="ContentSafetyPass"/>'s job, this class only cleans.
/// </summary>
public static class ContentSanitizer
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    // Creating the parser builds a browsing context with a CSS engine: once per thread, not once per page. A parser
    // keeps no state between documents, but is not documented as thread-safe, hence one per thread.
    // Elements the removal pass drops (iframes only from other hosts; "isindex" in case a parser still expands it).
    private static readonly string[] RemovedTags = [.. SanitizationPolicy.DangerousTags, "iframe", "isindex"];

    private static readonly ThreadLocal<IHtmlParser> Parser = new(Sanitizer.HtmlParserFactory);

    /// <summary>
    /// The policy-conforming version of <paramref name="html"/>, rendered from <paramref name="body"/>: the same text as
    /// <see cref="Sanitize(string)"/>. Most pages need nothing removed: the HTML of a page without <c>{::nomarkdown}</c>
    /// (<see cref="RawHtmlScope"/>) is only respelled as the sanitizer's serialiser writes it
    /// (<see cref="SanitizedSerialization"/>) instead of being parsed into a DOM when that can be proven; every other
    /// page is sanitized in full.
    /// </summary>
    public static string Sanitize(MarkdownDocument body, string html)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(html);
        return (RawHtmlScope.HasNoNomarkdownBlock(body) ? SanitizedSerialization.TryNormalize(html) : null) ?? Sanitize(html);
    }

    /// <summary>
    /// <see cref="Sanitize(MarkdownDocument, string)"/> of the HTML in <paramref name="html"/> (a reused buffer), as
    /// UTF-8 bytes: a page on the fast path becomes no string at all.
    /// </summary>
    public static byte[] SanitizeToUtf8(MarkdownDocument body, ReadOnlySpan<char> html)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (RawHtmlScope.HasNoNomarkdownBlock(body) ? SanitizedSerialization.TryNormalizeToUtf8(html) : null)
            ?? System.Text.Encoding.UTF8.GetBytes(Sanitize(new string(html)));
    }

    /// <summary>
    /// <see cref="Sanitize(MarkdownDocument, string)"/> of the HTML in <paramref name="html"/> (a reused buffer): on the
    /// fast path written into <paramref name="destination"/> (emptied first, a buffer reused from page to page), else
    /// the full sanitizer's string. The result is valid until <paramref name="destination"/> is written again.
    /// </summary>
    public static ReadOnlyMemory<char> SanitizeInto(MarkdownDocument body, ReadOnlySpan<char> html, ArrayBufferWriter<char> destination)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(destination);
        destination.ResetWrittenCount();
        return RawHtmlScope.HasNoNomarkdownBlock(body) && SanitizedSerialization.TryNormalizeInto(html, destination)
            ? destination.WrittenMemory
            : Sanitize(new string(html)).AsMemory();
    }

    /// <summary>The policy-conforming version of the HTML fragment <paramref name="html"/>.</summary>
    public static string Sanitize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = Parser.Value!; // its parser understands CSS, so style attributes can be filtered per property
        var document = parser.ParseDocument("<!DOCTYPE html><html><head></head><body></body></html>");
        var body = document.Body!;
        body.Append([.. parser.ParseFragment(html, body)]);

        if (MayContainRemovedElements(html))
        {
            RemoveDangerousElements(body);
        }

        Sanitizer.SanitizeDom(document, body);
        return body.InnerHtml;
    }

    /// <summary>
    /// False when no tag of <see cref="SanitizationPolicy.DangerousTags"/> nor an iframe can be in the parsed fragment:
    /// the parser only makes such an element from a start tag spelling its name, and none of them is ever implied,
    /// so without "&lt;name" anywhere in the text (any case) the removal pass would find nothing. Most pages have
    /// no raw HTML at all, and the pass walks every element.
    /// </summary>
    private static bool MayContainRemovedElements(string html)
    {
        for (var lt = html.IndexOf('<', StringComparison.Ordinal); lt >= 0; lt = html.IndexOf('<', lt + 1))
        {
            var end = lt + 1;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            var name = html.AsSpan(lt + 1, end - lt - 1);
            foreach (var removed in RemovedTags)
            {
                if (name.Equals(removed, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void RemoveDangerousElements(AngleSharp.Dom.IElement body)
    {
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (SanitizationPolicy.DangerousTags.Contains(element.LocalName)
                || (element.LocalName == "iframe" && !SanitizationPolicy.IsAllowedIframeSource(element.GetAttribute("src"))))
            {
                element.Remove();
            }
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(SanitizationPolicy.AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(SanitizationPolicy.AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(SanitizationPolicy.AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(SanitizationPolicy.AllowedCssProperties, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(SanitizationPolicy.UrlAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true, AllowDataAttributes = false };
        sanitizer.PostProcessNode += KeepNameOnlyOnAnchors;
        return sanitizer;
    }

    /// <summary><c>name</c> is kept for old-style anchors (<c>&lt;a name="x"&gt;</c>) only; on other elements it could clobber the DOM.</summary>
    private static void KeepNameOnlyOnAnchors(object? sender, PostProcessNodeEventArgs e)
    {
        if (e.Node is IElement element && element.LocalName != "a" && element.HasAttribute("name"))
        {
            element.RemoveAttribute("name");
        }
    }
}
