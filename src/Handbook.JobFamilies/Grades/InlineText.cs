namespace Handbook.JobFamilies.Grades;

using System.Buffers;
using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The plain text of a block's inlines (emphasis and link markup dropped, line breaks as '\n') with, for every
/// character, its 0-based source line and column and the link it sits in. Lets text patterns ("is a grade 8")
/// run over what a reader sees while still reporting exact positions and telling linked from unlinked text.
/// <para>
/// Columns come from each inline's offset in the source (<see cref="Inline.Span"/>) relative to the first inline of
/// its line, because Markdig gives literals that were failed link delimiters (<c>[</c> of <c>[x]((y)</c>) column 0.
/// </para>
/// </summary>
/// <remarks>
/// Positions are kept per inline (a <see cref="Segment"/>: the characters one inline contributed share a line and
/// link and have consecutive columns), not per character: this runs over every paragraph of every page, and three
/// lists with an entry per character made grade resolution allocate ~45 bytes per character of the page.
/// </remarks>
internal sealed class InlineText
{
    [ThreadStatic]
    private static StringBuilder? s_builder;

    private readonly List<Segment> _segments = [];
    private int _line;
    private int _lineStartOffset;
    private bool _atLineStart = true;

    private InlineText(LeafBlock block)
    {
        Block = block;
        _line = block.Line;
        if (block.Parent is TableCell { Parent: TableRow row })
        {
            // Markdig gives a cell's paragraph and its first inline line 0 and column 0 when the cell starts with a
            // '[' that opens no link ("[Grade 8]((…)"); the row's position is right, and a row is one line.
            _line = row.Line;
            _lineStartOffset = row.Span.Start - row.Column;
            _atLineStart = false;
        }

        var builder = s_builder ?? new StringBuilder();
        s_builder = null;
        builder.Clear();
        var sink = new SegmentSink(this, builder);
        Walk(block.Inline, link: null, ref sink);
        Text = builder.ToString();
        s_builder = builder;
    }

    public LeafBlock Block { get; }

    public string Text { get; }

    public static InlineText Of(LeafBlock block) => new(block);

    /// <summary>
    /// Whether the <see cref="Text"/> of <paramref name="block"/> contains <paramref name="ignoringCase"/> (ordinal,
    /// ignoring case) or <paramref name="exact"/> (ordinal), found without building it: the same characters are
    /// gathered into a pooled buffer, with no positions and no string.
    /// </summary>
    public static bool TextContains(LeafBlock block, SearchValues<string> ignoringCase, string exact)
    {
        var sink = new PooledCharsSink(ArrayPool<char>.Shared.Rent(256));
        try
        {
            Walk(block.Inline, link: null, ref sink);
            var text = sink.Chars;
            return text.IndexOfAny(ignoringCase) >= 0 || text.Contains(exact, StringComparison.Ordinal);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(sink.Buffer);
        }
    }

    public int Line(int index) => Text.Length == 0 ? Block.Line : SegmentAt(Clamp(index)).Line;

    public int Column(int index)
    {
        if (Text.Length == 0)
        {
            return Block.Column;
        }

        var i = Clamp(index);
        var segment = SegmentAt(i);
        return segment.StartColumn + (i - segment.Start);
    }

    public LinkInline? LinkAt(int index) => index >= 0 && index < Text.Length ? SegmentAt(index).Link : null;

    /// <summary>True when no character of [start, start+length) is inside a link.</summary>
    public bool IsUnlinked(int start, int length)
    {
        var from = Math.Max(start, 0);
        var end = Math.Min(start + length, Text.Length);
        foreach (var segment in _segments)
        {
            if (segment.Link is not null && segment.Start < end && from < segment.Start + segment.Length)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The [start, end) range of a link's text in <see cref="Text"/>, or null when the link is not in this block.</summary>
    public (int Start, int End)? RangeOf(LinkInline link)
    {
        var start = -1;
        var end = -1;
        foreach (var segment in _segments)
        {
            if (ReferenceEquals(segment.Link, link))
            {
                if (start < 0)
                {
                    start = segment.Start;
                }

                end = segment.Start + segment.Length;
            }
        }

        return start < 0 ? null : (start, end);
    }

    private int Clamp(int index) => Math.Clamp(index, 0, Text.Length - 1);

    /// <summary>The segment holding character <paramref name="index"/> (0 ≤ index &lt; Text.Length): a binary search over the segments' starts.</summary>
    private Segment SegmentAt(int index)
    {
        var lo = 0;
        var hi = _segments.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_segments[mid].Start <= index)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return _segments[lo];
    }

    /// <summary>
    /// The one walk over a block's inlines that says which characters make its text, in order, with the inline and
    /// the link each comes from: <see cref="Text"/> (with positions) and <see cref="TextContains"/> (characters only)
    /// both read it, so the pre-check can never see other text than the finder.
    /// </summary>
    private static void Walk<TSink>(ContainerInline? container, LinkInline? link, ref TSink sink)
        where TSink : struct, ITextSink
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline nested:
                    Walk(nested, nested, ref sink);
                    break;
                case ContainerInline nested:
                    Walk(nested, link, ref sink);
                    break;
                case LineBreakInline:
                    sink.Add("\n", inline, link);
                    sink.LineBreak();
                    break;
                case LiteralInline literal:
                    sink.Add(literal.Content.AsSpan(), inline, link);
                    break;
                case CodeInline code:
                    sink.Add(code.Content, inline, link);
                    break;
                case HtmlEntityInline entity:
                    sink.Add(entity.Transcoded.AsSpan(), inline, link);
                    break;
                case AutolinkInline autolink:
                    sink.Add(autolink.Url, inline, link);
                    break;
            }
        }
    }

    private void Add(StringBuilder text, ReadOnlySpan<char> chars, Inline inline, LinkInline? link)
    {
        if (_atLineStart && inline is not LineBreakInline)
        {
            _lineStartOffset = inline.Span.Start - inline.Column;
            _atLineStart = false;
        }

        if (chars.Length == 0)
        {
            return;
        }

        var startColumn = Math.Max(0, inline.Span.Start - _lineStartOffset);
        _segments.Add(new Segment(text.Length, chars.Length, _line, startColumn, link));
        text.Append(chars);
    }

    /// <summary>The characters [Start, Start+Length) of the text, from one inline: one line, one link, consecutive columns.</summary>
    private readonly record struct Segment(int Start, int Length, int Line, int StartColumn, LinkInline? Link);

    private interface ITextSink
    {
        void Add(ReadOnlySpan<char> chars, Inline inline, LinkInline? link);

        void LineBreak();
    }

    /// <summary>Builds <see cref="Text"/> and its segments (line and column of every piece).</summary>
    private readonly struct SegmentSink(InlineText owner, StringBuilder text) : ITextSink
    {
        public void Add(ReadOnlySpan<char> chars, Inline inline, LinkInline? link) => owner.Add(text, chars, inline, link);

        public void LineBreak()
        {
            owner._line++;
            owner._atLineStart = true;
        }
    }

    /// <summary>Gathers the characters only, into a pooled buffer (grown from the pool).</summary>
    private struct PooledCharsSink(char[] buffer) : ITextSink
    {
        private int _length;

        public char[] Buffer { get; private set; } = buffer;

        public readonly ReadOnlySpan<char> Chars => Buffer.AsSpan(0, _length);

        public void Add(ReadOnlySpan<char> chars, Inline inline, LinkInline? link)
        {
            if (_length + chars.Length > Buffer.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(Math.Max(Buffer.Length * 2, _length + chars.Length));
                Buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<char>.Shared.Return(Buffer);
                Buffer = larger;
            }

            chars.CopyTo(Buffer.AsSpan(_length));
            _length += chars.Length;
        }

        public readonly void LineBreak()
        {
        }
    }
}
