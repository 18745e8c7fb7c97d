namespace Handbook.JobFamilies.Kramdown;

using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// After parsing, gives each span attribute list's attributes to the inline element right before it (emphasis, link,
/// code…). After plain text there is no element: kramdown ignores it, and so do we, with KD006.
/// </summary>
internal static class KramdownSpanAttributeResolver
{
    public static void Resolve(MarkdownDocument document)
    {
        foreach (var span in document.Descendants<KramdownSpanAttributesInline>().ToList())
        {
            var target = span.PreviousSibling;
            if (target is null or LiteralInline)
            {
                KramdownFindings.Add(document, KramdownCodes.Unattached, $"span attribute list `{span.Text}` follows plain text; dropped", span.Line, span.Column,
                    "put it right after an element, e.g. *text*{:.class}");
            }
            else
            {
                foreach (var name in KramdownAttributePolicy.Apply(span.Attributes, target.GetAttributes()))
                {
                    KramdownFindings.Add(document, KramdownCodes.AttributeDropped, $"attribute `{name}` is not allowed in an attribute list; dropped", span.Line, span.Column,
                        "only class, id, title, lang and dir may be set");
                }
            }

            span.Remove();
        }
    }
}
