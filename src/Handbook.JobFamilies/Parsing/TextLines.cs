namespace Handbook.JobFamilies.Parsing;

/// <summary>
/// A text split into lines without losing the line terminators (LF, CRLF or CR), so parts of it can be blanked
/// while every other character keeps its line and column.
/// </summary>
/// <remarks>
/// Lines are found as they are asked for: the front matter reader looks at the first few lines of each page only, and
/// a table of every line of every page was 9 of the 61 MiB reading front matter allocated at N = 1000 (issue 9).
/// </remarks>
internal sealed class TextLines(string text)
{
    private readonly List<(int Start, int Length, int TerminatorLength)> _lines = [];

    /// <summary>Offset where the next line not yet found starts.</summary>
    private int _next;

    private bool _complete;

    /// <summary>The number of lines (finds them all).</summary>
    public int Count
    {
        get
        {
            while (!_complete)
            {
                FindNext();
            }

            return _lines.Count;
        }
    }

    /// <summary>The content of 0-based line <paramref name="index"/>, without its terminator.</summary>
    public string this[int index]
    {
        get
        {
            HasLine(index);
            return text.Substring(_lines[index].Start, _lines[index].Length);
        }
    }

    /// <summary>Whether the text has a 0-based line <paramref name="index"/> (finds lines up to it, no further).</summary>
    public bool HasLine(int index)
    {
        while (_lines.Count <= index && !_complete)
        {
            FindNext();
        }

        return index >= 0 && index < _lines.Count;
    }

    /// <summary>Lines <paramref name="first"/>..<paramref name="last"/> (0-based, inclusive) joined with '\n'.</summary>
    public string Join(int first, int last) =>
        string.Join('\n', Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(i => this[i]));

    /// <summary>The text with lines 0..<paramref name="lastBlanked"/> emptied (terminators kept).</summary>
    /// <remarks>Written straight into a string of the final length: the body of every page passes here once (issue 9).</remarks>
    public string BlankThrough(int lastBlanked)
    {
        if (lastBlanked < 0)
        {
            return text;
        }

        HasLine(lastBlanked);
        var blanked = Math.Min(lastBlanked, _lines.Count - 1);
        var removed = 0;
        for (var i = 0; i <= blanked; i++)
        {
            removed += _lines[i].Length;
        }

        // Everything after the last blanked line's terminator is kept as it is, in one piece.
        var (lastStart, lastLength, lastTerminator) = _lines[blanked];
        var keptFrom = lastStart + lastLength + lastTerminator;
        return string.Create(text.Length - removed, (Lines: this, Blanked: blanked, KeptFrom: keptFrom), static (target, state) =>
        {
            var (self, lastBlank, from) = state;
            var at = 0;
            for (var i = 0; i <= lastBlank; i++)
            {
                var (start, length, terminator) = self._lines[i];
                self.Text.AsSpan(start + length, terminator).CopyTo(target[at..]);
                at += terminator;
            }

            self.Text.AsSpan(from).CopyTo(target[at..]);
        });
    }

    private string Text => text;

    private void FindNext()
    {
        var start = _next;
        var end = text.AsSpan(start).IndexOfAny('\n', '\r');
        if (end < 0)
        {
            // The last line has no terminator; a text ending with one has no empty line after it (an empty text has one).
            if (start < text.Length || _lines.Count == 0)
            {
                _lines.Add((start, text.Length - start, 0));
            }

            _complete = true;
            return;
        }

        end += start;
        var terminator = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1;
        _lines.Add((start, end - start, terminator));
        _next = end + terminator;
        _complete = _next >= text.Length;
    }
}
