namespace Handbook.Site.Theming;

using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

/// <summary>
/// A Fluid string value whose text is large and usually only written out: a subclass writes it from where it already
/// is (a buffer, UTF-8 bytes) in <see cref="WriteToAsync"/>, and everything else a template may do with it (filters,
/// <c>contains</c>, <c>size</c>, comparisons, encoded output) goes to the <see cref="StringValue"/> made from
/// <see cref="MakeText"/> the first time it is needed – so the value behaves exactly like that string value
/// (issue 9: page bodies and rendered pages were copied into strings only to be written once).
/// </summary>
internal abstract class DeferredStringValue : FluidValue
{
    private StringValue? _text;

    public override FluidValues Type => FluidValues.String;

    /// <summary>The string value this value stands for, made once on first use.</summary>
    protected StringValue Text => _text ??= MakeText();

    public override bool Equals(FluidValue other) => Text.Equals(other);

    public override bool ToBooleanValue() => Text.ToBooleanValue();

    public override decimal ToNumberValue() => Text.ToNumberValue();

    public override string ToStringValue() => Text.ToStringValue();

    public override object ToObjectValue() => Text.ToObjectValue();

    public override bool Contains(FluidValue value) => Text.Contains(value);

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) => Text.Enumerate(context);

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => Text.GetValueAsync(name, context);

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) => Text.GetIndexAsync(index, context);

    public abstract override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo);

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => Text.GetHashCode();

    /// <summary>The whole text as the string value it stands for (with its encoding flag).</summary>
    protected abstract StringValue MakeText();
}
