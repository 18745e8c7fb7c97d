namespace Handbook.JobFamilies.Stages;

using System.Text;
using Handbook.Pipeline.Documents;

/// <summary>
/// A page's rendered body as the theme places it, however <see cref="RenderBodyHtml"/> kept it: the UTF-16 string
/// <see cref="JobFamilyKeys.BodyHtml"/>, or UTF-8 bytes (<see cref="JobFamilyKeys.BodyHtmlUtf8"/>, one-shot builds:
/// <see cref="JobFamiliesOptions.KeepsBodyHtmlAsUtf8"/>) turned back into the same string. A body the build left to
/// the theme (<see cref="JobFamilyKeys.DeferredBody"/>) is not rendered yet: only the theme's stage renders it, and
/// here it reads as the empty string its marker <see cref="JobFamilyKeys.BodyHtml"/> holds.
/// </summary>
public static class RenderedBody
{
    /// <summary>Encodes a body for <see cref="JobFamilyKeys.BodyHtmlUtf8"/>.</summary>
    public static byte[] Encode(string html) => Encoding.UTF8.GetBytes(html);

    /// <summary>The body of a rendered page; false when the document has no rendered body.</summary>
    public static bool TryGet(Document document, out string html)
    {
        if (TryGetUtf8(document, out var utf8))
        {
            html = Encoding.UTF8.GetString(utf8);
            return true;
        }

        return document.TryGet(JobFamilyKeys.BodyHtml, out html);
    }

    /// <summary>
    /// The body's UTF-8 bytes when the document keeps it only so (<see cref="JobFamilyKeys.BodyHtmlUtf8"/> set,
    /// <see cref="JobFamilyKeys.BodyHtml"/> empty): what <see cref="TryGet"/> would decode, for a reader that can use
    /// the bytes as they are. False otherwise (no rendered body, or the body is kept as a string): use <see cref="TryGet"/>.
    /// </summary>
    public static bool TryGetUtf8(Document document, out byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.TryGet(JobFamilyKeys.BodyHtml, out var html) && html.Length == 0
            && document.TryGet(JobFamilyKeys.BodyHtmlUtf8, out utf8) && utf8.Length > 0)
        {
            return true;
        }

        utf8 = [];
        return false;
    }
}
