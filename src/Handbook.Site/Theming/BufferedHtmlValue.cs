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
internal sealed class BufferedHtmlValue(StringBuilder html) : FluidValue
{
    private StringValue? _text;

    public override FluidValues Type => FluidValues.String;

    public override bool Equals(FluidValue other) => Text.Equals(other);

    public override bool ToBooleanValue() => Text.ToBooleanValue();

    public override decimal ToNumberValue() => Text.ToNumberValue();

    public override string ToStringValue() => Text.ToStringValue();

    public override object ToObjectValue() => Text.ToObjectValue();

    public override bool Contains(FluidValue value) => Text.Contains(value);

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => Text.Enumerate(context);

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => Text.GetValueAsync(name, context);

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) => Text.GetIndexAsync(index, context);

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var chunk in html.GetChunks())
        {
            writer.Write(chunk.Span);
        }

        return ValueTask.CompletedTask;
    }

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => Text.GetHashCode();

    private StringValue Text => _text ??= new StringValue(html.ToString(), encode: false);
}
