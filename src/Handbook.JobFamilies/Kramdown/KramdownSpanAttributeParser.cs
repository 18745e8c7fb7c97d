namespace Handbook.JobFamilies.Kramdown;

using Markdig.Helpers;
using Markdig.Parsers;

/// <summary>Parses span attribute lists <c>{:.class #id key="v"}</c> written right after an inline element.</summary>
public sealed class KramdownSpanAttributeParser : InlineParser
{
    public KramdownSpanAttributeParser() => OpeningCharacters = ['{'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != ':' || slice.PeekChar(2) == ':')
        {
            return false;
        }

        var text = slice.Text;
        var end = -1;
        char? quote = null;
        for (var i = slice.Start + 2; i <= slice.End; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '}' or '\n')
            {
                end = c == '}' ? i : -1;
                break;
            }
        }

        if (end < 0 || KramdownAttributes.Parse(text[(slice.Start + 2)..end]) is not { } attributes)
        {
            return false;
        }

        var start = slice.Start;
        var position = processor.GetSourcePosition(start, out var line, out var column);
        (line, column) = LineAndColumn(processor, line, column);
        processor.Inline = new KramdownSpanAttributesInline
        {
            Attributes = attributes,
            Text = text[start..(end + 1)],
            Span = new Markdig.Syntax.SourceSpan(position, position + end - start),
            Line = line,
            Column = column,
        };
        slice.Start = end + 1;
        return true;
    }

    /// <summary>
    /// Markdig knows the line and column of an inline only with precise source locations on (the site's pipeline turns
    /// them on); without, the block's own position is the best there is.
    /// </summary>
    private static (int Line, int Column) LineAndColumn(InlineProcessor processor, int line, int column) =>
        line == 0 && column == 0 && processor.Block is { } block ? (block.Line, block.Column) : (line, column);
}
