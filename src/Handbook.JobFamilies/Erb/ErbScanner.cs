namespace Handbook.JobFamilies.Erb;

using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Finds ERB tags the way Erubi (Middleman's ERB engine) does: a tag runs from <c>&lt;%</c> to the first <c>%&gt;</c>,
/// whatever Ruby strings it contains. Does not interpret the Ruby.
/// </summary>
public static class ErbScanner
{
    /// <summary>All ERB tags in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<ErbTag> FindTags(string text)
    {
        var tags = new List<ErbTag>();
        var lineStarts = LineStarts(text);
        var i = 0;
        while ((i = text.IndexOf("<%", i, StringComparison.Ordinal)) >= 0)
        {
            var (line, column) = Position(lineStarts, i);
            if (i + 2 < text.Length && text[i + 2] == '%')
            {
                tags.Add(new ErbTag(ErbTagKind.LiteralOpen, i, 3, line, column, string.Empty, "<%%"));
                i += 3;
                continue;
            }

            var close = text.IndexOf("%>", i + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                var rest = text[i..];
                var firstLine = rest.Split('\n')[0];
                tags.Add(new ErbTag(ErbTagKind.Unterminated, i, text.Length - i, line, column, rest, firstLine));
                break;
            }

            var end = close + 2;
            var inner = text[(i + 2)..close];
            var kind = ErbTagKind.Code;
            if (inner.StartsWith('='))
            {
                kind = ErbTagKind.Output;
                inner = inner.TrimStart('=');
            }
            else if (inner.StartsWith('#'))
            {
                kind = ErbTagKind.Comment;
                inner = inner[1..];
            }
            else if (inner.StartsWith('-'))
            {
                inner = inner[1..];
            }

            var trimsNewline = inner.EndsWith('-');
            if (trimsNewline)
            {
                inner = inner[..^1];
            }

            // "-%>" swallows the newline after the tag (Erubi trim mode).
            if (trimsNewline && end < text.Length)
            {
                if (text[end] == '\n')
                {
                    end++;
                }
                else if (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n')
                {
                    end += 2;
                }
            }

            tags.Add(new ErbTag(kind, i, end - i, line, column, inner.Trim(), text[i..(close + 2)]));
            i = end;
        }

        return tags;
    }

    /// <summary>
    /// For a page that is not <c>.erb</c>: ERB is not expanded there (the text shows as written), so each tag gets a
    /// warning ERB008 with the hint to rename the page. <paramref name="firstLine"/> is the file line the text starts on.
    /// </summary>
    public static void ReportInNonErbPage(string sourcePath, string text, ICollection<Diagnostic> diagnostics, int firstLine = 1)
    {
        foreach (var tag in FindTags(text))
        {
            if (tag.Kind == ErbTagKind.LiteralOpen)
            {
                continue;
            }

            diagnostics.Add(Diagnostic.Warning(
                ErbCodes.NotAnErbPage,
                $"ERB tag `{tag.Display}` in a page that is not .erb is shown as text, not run",
                new SourceLocation(sourcePath, tag.Line + firstLine - 1, tag.Column),
                "rename the page to .html.md.erb (or .md.erb) to expand it, or wrap the tag in backticks to show it as code"));
        }
    }

    internal static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    internal static (int Line, int Column) Position(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - lineStarts[index] + 1);
    }
}
