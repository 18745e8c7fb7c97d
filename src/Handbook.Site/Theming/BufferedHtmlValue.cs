namespace Handbook.Site.Theming;

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

/// <summary>
/// The layout's <c>content</c>: the page template's rendered HTML, written to the layout's output straight from the
/// buffer it was rendered into (never encoded, like <c>StringValue(…, encode: false)</c>), so the page body is not
/// copied into an intermediate string. Anything else a template does with it (filters, <c>contains</c>, <c>size</c>,
/// comparisons) goes to that string value, made when first needed, so it behaves exactly as before.
/// </summary>
internal sealed class BufferedHtmlValue(StringBuilder html) : DeferredStringValue
{
    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var chunk in html.GetChunks())
        {
            writer.Write(chunk.Span);
        }

        return ValueTask.CompletedTask;
    }

    protected override StringValue MakeText() => new(html.ToString(), encode: false);
}
