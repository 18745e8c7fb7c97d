namespace Handbook.JobFamilies.Kramdown;

using Markdig.Syntax.Inlines;

/// <summary>
/// A span attribute list (<c>*text*{:.x}</c>) until the document is parsed; then <see cref="KramdownSpanAttributeResolver"/>
/// moves its attributes to the inline before it and removes it.
/// </summary>
public sealed class KramdownSpanAttributesInline : LeafInline
{
    public required KramdownAttributes Attributes { get; init; }

    public required string Text { get; init; }
}
