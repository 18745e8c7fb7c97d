namespace Handbook.Site.Theming;

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

/// <summary>
/// The layout's <c>content</c>: the page template's rendered HTML, written to the layout's output straight from the
/// buffer it was rendered into (never encoded, like <c>StringValue(…, encode: false)</c>), so the page body is not
/// copied into an intermediate string. Anything else a template does with it (filters, comparisons) sees the string.
/// </summary>
internal sealed class BufferedHtmlValue(StringBuilder html) : FluidValue
{
    public override FluidValues Type => FluidValues.String;

    public override bool Equals(FluidValue other) => AsString().Equals(other);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => AsString().ToNumberValue();

    public override string ToStringValue() => html.ToString();

    public override object ToObjectValue() => html.ToString();

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var chunk in html.GetChunks())
        {
            writer.Write(chunk.Span);
        }

        return ValueTask.CompletedTask;
    }

    private StringValue AsString() => new(html.ToString(), encode: false);
}
