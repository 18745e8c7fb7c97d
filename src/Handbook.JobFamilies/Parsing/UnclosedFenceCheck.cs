namespace Handbook.JobFamilies.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Markdig.Syntax;

/// <summary>
/// Reports a code fence (<c>```</c> or <c>~~~</c>) that is never closed. CommonMark runs such a fence to the end of
/// the page, so every heading, level and link after it silently becomes code; the only visible sign would be a page
/// that "lost" its second half. Only fences directly in the page count: a fence inside a list item or quote ends
/// with that container, which is ordinary Markdown.
/// </summary>
internal static class UnclosedFenceCheck
{
    public const string Code = "MD005";

    public static void Report(MarkdownDocument document, SourceMap map, int lastLine, ICollection<Diagnostic> diagnostics)
    {
        foreach (var block in document)
        {
            if (block is not FencedCodeBlock { ClosingFencedCharCount: 0 } fence)
            {
                continue;
            }

            var opening = new string(fence.FencedChar, Math.Max(3, fence.OpeningFencedCharCount));
            var swallowed = lastLine - fence.Line - 1;
            diagnostics.Add(Diagnostic.Warning(
                Code,
                $"the code block opened with '{opening}' is never closed, so the rest of the page ({swallowed} line{(swallowed == 1 ? string.Empty : "s")}) is shown as code",
                map.Locate(fence.Line, fence.Column),
                $"add a line '{opening}' where the code ends, or remove this one"));
        }
    }
}
