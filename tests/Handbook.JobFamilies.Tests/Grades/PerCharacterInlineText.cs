namespace Handbook.JobFamilies.Tests.Grades;

using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The reference for <see cref="Handbook.JobFamilies.Grades.InlineText"/>: its implementation before issue 9 (a list entry per
/// character), kept to prove the per-inline version maps every character the same way.
/// The plain text of a block's inlines (emphasis and link markup dropped, line breaks as '\n') with, for every
/// character, its 0-based source line and column and the link it sits in. Lets text patterns ("is a grade 8")
/// run over what a reader sees while still reporting exact positions and telling linked from unlinked text.
/// <para>
/// Columns come from each inline's offset in the source (<see cref="Inline.Span"/>) relative to the first inline of
/// its line, because Markdig gives literals that were failed link delimiters (<c>[</c> of <c>[x]((y)</c>) column 0.
/// </para>
/// </summary>
internal sealed class PerCharacterInlineText
{
    private readonly List<int> _lines = [];
    private readonly List<int> _columns = [];
    private readonly List<LinkInline?> _links = [];
    private readonly StringBuilder _text = new();
    private int _line;
    private int _lineStartOffset;
    private bool _atLineStart = true;

    private PerCharacterInlineText(LeafBlock block)
    {
        Block = block;
        _line = block.Line;
        Append(block.Inline, link: null);
    }

    public LeafBlock Block { get; }

    public string Text => _text.ToString();

    public static PerCharacterInlineText Of(LeafBlock block) => new(block);

    public int Line(int index) => _lines.Count == 0 ? Block.Line : _lines[Math.Clamp(index, 0, _lines.Count - 1)];

    public int Column(int index) => _columns.Count == 0 ? Block.Column : _columns[Math.Clamp(index, 0, _columns.Count - 1)];

    public LinkInline? LinkAt(int index) => index >= 0 && index < _links.Count ? _links[index] : null;

    /// <summary>True when no character of [start, start+length) is inside a link.</summary>
    public bool IsUnlinked(int start, int length)
    {
        for (var i = start; i < start + length && i < _links.Count; i++)
        {
            if (_links[i] is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The [start, end) range of a link's text in <see cref="Text"/>, or null when the link is not in this block.</summary>
    public (int Start, int End)? RangeOf(LinkInline link)
    {
        var start = _links.IndexOf(link);
        if (start < 0)
        {
            return null;
        }

        var end = _links.LastIndexOf(link) + 1;
        return (start, end);
    }

    private void Append(ContainerInline? container, LinkInline? link)
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
                    Append(nested, nested);
                    break;
                case ContainerInline nested:
                    Append(nested, link);
                    break;
                case LineBreakInline:
                    Add("\n", inline, link);
                    _line++;
                    _atLineStart = true;
                    break;
                case LiteralInline literal:
                    Add(literal.Content.ToString(), inline, link);
                    break;
                case CodeInline code:
                    Add(code.Content, inline, link);
                    break;
                case HtmlEntityInline entity:
                    Add(entity.Transcoded.ToString(), inline, link);
                    break;
                case AutolinkInline autolink:
                    Add(autolink.Url, inline, link);
                    break;
            }
        }
    }

    private void Add(string text, Inline inline, LinkInline? link)
    {
        if (_atLineStart && inline is not LineBreakInline)
        {
            _lineStartOffset = inline.Span.Start - inline.Column;
            _atLineStart = false;
        }

        var startColumn = Math.Max(0, inline.Span.Start - _lineStartOffset);
        for (var i = 0; i < text.Length; i++)
        {
            _text.Append(text[i]);
            _lines.Add(_line);
            _columns.Add(startColumn + i);
            _links.Add(link);
        }
    }
}
