namespace Handbook.JobFamilies.Stages;

using System.Text;
using Handbook.Pipeline.Documents;

/// <summary>
/// A page's rendered body as the theme places it, however <see cref="RenderBodyHtml"/> kept it: the UTF-16 string
/// <see cref="JobFamilyKeys.BodyHtml"/>, or UTF-8 bytes (<see cref="JobFamilyKeys.BodyHtmlUtf8"/>, one-shot builds:
/// <see cref="JobFamiliesOptions.KeepsBodyHtmlAsUtf8"/>) turned back into the same string.
/// </summary>
public static class RenderedBody
{
    /// <summary>Encodes a body for <see cref="JobFamilyKeys.BodyHtmlUtf8"/>.</summary>
    public static byte[] Encode(string html) => Encoding.UTF8.GetBytes(html);

    /// <summary>The body of a rendered page; false when the document has no rendered body.</summary>
    public static bool TryGet(Document document, out string html)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.TryGet(JobFamilyKeys.BodyHtml, out html))
        {
            return false;
        }

        if (html.Length == 0 && document.TryGet(JobFamilyKeys.BodyHtmlUtf8, out var utf8) && utf8.Length > 0)
        {
            html = Encoding.UTF8.GetString(utf8);
        }

        return true;
    }
}
