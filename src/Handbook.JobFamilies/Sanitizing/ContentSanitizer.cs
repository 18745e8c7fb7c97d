namespace Handbook.JobFamilies.Sanitizing;

using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

/// <summary>
/// Enforces <see cref="SanitizationPolicy"/> on a rendered page body. Dangerous elements and iframes from other hosts
/// are removed with their content first; then HtmlSanitizer keeps only the allowed tags (the text of other tags stays),
/// attributes, URL schemes and CSS properties, and drops comments. Thread-safe; reporting is
/// <see cref="ContentSafetyPass"/>'s job, this class only cleans.
/// </summary>
public static class ContentSanitizer
{
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The policy-conforming version of the HTML fragment <paramref name="html"/>.</summary>
    public static string Sanitize(string html)
    {
        var parser = Sanitizer.HtmlParserFactory(); // its parser understands CSS, so style attributes can be filtered per property
        var document = parser.ParseDocument("<!DOCTYPE html><html><head></head><body></body></html>");
        var body = document.Body!;
        body.Append([.. parser.ParseFragment(html, body)]);

        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (SanitizationPolicy.DangerousTags.Contains(element.LocalName)
                || (element.LocalName == "iframe" && !SanitizationPolicy.IsAllowedIframeSource(element.GetAttribute("src"))))
            {
                element.Remove();
            }
        }

        Sanitizer.SanitizeDom(document, body);
        return body.InnerHtml;
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
