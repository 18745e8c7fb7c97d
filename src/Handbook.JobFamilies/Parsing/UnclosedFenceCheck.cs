namespace Handbook.JobFamilies.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Markdig.Syntax;

/// <summary>
/// Reports a code fence (<c>```</c> or <c>~~~</c>) whose closing line is missing. CommonMark runs such a fence to the
/// end of the page, or – when the page has more code blocks – to the next bare fence line, which was meant to close
/// the next block: either way headings, levels and links silently become code. The second case shows as a line inside
/// the code that would open a block (<c>```mermaid</c>: a fence with an info string never closes one). Only fences
/// directly in the page count: a fence inside a list item or quote ends with that container, which is ordinary.
/// </summary>
internal static class UnclosedFenceCheck
{
    public const string Code = "MD007";

    public static void Report(MarkdownDocument document, SourceMap map, int lastLine, ICollection<Diagnostic> diagnostics)
    {
        foreach (var block in document)
        {
            if (block is not FencedCodeBlock fence)
            {
                continue;
            }

            var opening = new string(fence.FencedChar, Math.Max(3, fence.OpeningFencedCharCount));
            if (fence.ClosingFencedCharCount == 0)
            {
                var swallowed = lastLine - fence.Line - 1;
                diagnostics.Add(Diagnostic.Warning(
                    Code,
                    $"the code block opened with '{opening}' is never closed, so the rest of the page ({swallowed} line{(swallowed == 1 ? string.Empty : "s")}) is shown as code",
                    map.Locate(fence.Line, fence.Column),
                    $"add a line '{opening}' where the code ends, or remove this one"));
            }
            else if (OpeningInside(fence) is { } inner)
            {
                diagnostics.Add(Diagnostic.Warning(
                    Code,
                    $"the code block opened with '{opening}' runs past '{inner.Text}' (line {map.Locate(inner.Line, 0).Line}), which opens another code block: its closing line is probably missing",
                    map.Locate(fence.Line, fence.Column),
                    $"add a line '{opening}' where this block's code ends"));
            }
        }
    }

    /// <summary>The first line of the block's code that would open a block like it: same character, at least as long, with an info string.</summary>
    private static (string Text, int Line)? OpeningInside(FencedCodeBlock fence)
    {
        var lines = fence.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines.Lines[i].Slice.ToString();
            var trimmed = text.TrimStart(' ');
            if (text.Length - trimmed.Length > 3)
            {
                continue;
            }

            var run = 0;
            while (run < trimmed.Length && trimmed[run] == fence.FencedChar)
            {
                run++;
            }

            if (run >= Math.Max(3, fence.OpeningFencedCharCount) && trimmed[run..].Trim().Length > 0)
            {
                return (trimmed.TrimEnd(), lines.Lines[i].Line);
            }
        }

        return null;
    }
}
