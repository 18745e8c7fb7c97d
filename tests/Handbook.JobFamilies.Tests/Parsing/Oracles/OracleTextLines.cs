namespace Handbook.JobFamilies.Tests.Parsing.Oracles;

/// <summary>
/// The oracle for <see cref="Handbook.JobFamilies.Parsing.TextLines"/>: its implementation before issue 9 (every line
/// found up front), kept here unchanged.
/// A text split into lines without losing the line terminators (LF, CRLF or CR), so parts of it can be blanked
/// while every other character keeps its line and column.
/// </summary>
internal sealed class OracleTextLines
{
    private readonly string _text;
    private readonly List<(int Start, int Length, int TerminatorLength)> _lines = [];

    public OracleTextLines(string text)
    {
        _text = text;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                var terminator = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                _lines.Add((start, i - start, terminator));
                i += terminator - 1;
                start = i + 1;
            }
        }

        if (start < text.Length || _lines.Count == 0)
        {
            _lines.Add((start, text.Length - start, 0));
        }
    }

    public int Count => _lines.Count;

    /// <summary>The content of 0-based line <paramref name="index"/>, without its terminator.</summary>
    public string this[int index] => _text.Substring(_lines[index].Start, _lines[index].Length);

    /// <summary>Lines <paramref name="first"/>..<paramref name="last"/> (0-based, inclusive) joined with '\n'.</summary>
    public string Join(int first, int last) =>
        string.Join('\n', Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(i => this[i]));

    /// <summary>The text with lines 0..<paramref name="lastBlanked"/> emptied (terminators kept).</summary>
    /// <remarks>Written straight into a string of the final length: the body of every page passes here once (issue 9).</remarks>
    public string BlankThrough(int lastBlanked)
    {
        if (lastBlanked < 0)
        {
            return _text;
        }

        var blanked = Math.Min(lastBlanked, _lines.Count - 1);
        var removed = 0;
        for (var i = 0; i <= blanked; i++)
        {
            removed += _lines[i].Length;
        }

        return string.Create(_text.Length - removed, (Lines: this, Blanked: blanked), static (target, state) =>
        {
            var (self, lastBlank) = state;
            var at = 0;
            for (var i = 0; i < self._lines.Count; i++)
            {
                var (start, length, terminator) = self._lines[i];
                var kept = i <= lastBlank
                    ? self._text.AsSpan(start + length, terminator)
                    : self._text.AsSpan(start, length + terminator);
                kept.CopyTo(target[at..]);
                at += kept.Length;
            }
        });
    }
}
