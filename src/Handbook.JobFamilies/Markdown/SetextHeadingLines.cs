namespace Handbook.JobFamilies.Markdown;

using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Restores the line numbers of setext headings (text lines underlined with <c>===</c> or <c>---</c>).
/// <para>
/// Markdig gives such a heading the line of its <em>underline</em> and counts the lines of its inlines from there,
/// although their source spans are right: in <c>"a\nb\n[grade](x\n-"</c> the heading says line 3 and the link text
/// on the third line says line 5 of a 4-line page. Every diagnostic located from those lines (grade links, extends
/// statements, headings) then pointed below the text, even below the end of the page (fuzz bug 4). This pass
/// recomputes the lines of the heading and its inlines from their spans, which is what every later pass reads.
/// </para>
/// </summary>
public static class SetextHeadingLines
{
    /// <summary>Corrects the setext headings of <paramref name="document"/>, parsed from <paramref name="text"/>.</summary>
    public static void Fix(MarkdownDocument document, string text)
    {
        LineStarts? starts = null;
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (!heading.IsSetext || heading.Span.Start < 0 || heading.Span.Start >= text.Length)
            {
                continue;
            }

            starts ??= new LineStarts(text);
            heading.Line = starts.LineOf(heading.Span.Start);
            if (heading.Inline is null)
            {
                continue;
            }

            foreach (var inline in heading.Inline.Descendants<Inline>())
            {
                if (inline.Span.Start >= 0 && inline.Span.Start < text.Length)
                {
                    inline.Line = starts.LineOf(inline.Span.Start);
                }
            }
        }
    }

    /// <summary>Offsets where lines start, with Markdig's line ends: <c>\r\n</c>, <c>\n</c> or a bare <c>\r</c>.</summary>
    private sealed class LineStarts
    {
        private readonly List<int> _starts = [0];

        public LineStarts(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (text[i] is '\n' or '\r')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        /// <summary>The 0-based line holding <paramref name="offset"/>.</summary>
        public int LineOf(int offset)
        {
            var index = _starts.BinarySearch(offset);
            return index >= 0 ? index : ~index - 1;
        }
    }
}
