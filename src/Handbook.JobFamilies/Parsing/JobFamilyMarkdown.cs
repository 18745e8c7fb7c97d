namespace Handbook.JobFamilies.Parsing;

using Handbook.JobFamilies.Markdown;
using Markdig;
using Markdig.Syntax;

/// <summary>
/// The one Markdig pipeline of the site: CommonMark plus pipe tables, emphasis extras, auto-links and kramdown
/// heading ids, with raw HTML kept (sanitising is a later pass) and precise source locations for diagnostics.
/// Other features (kramdown attribute lists and TOC, Mermaid, grade and extends rendering) come in through
/// <c>extra</c>; they are added after the heading ids, so they see the ids and may override them.
/// </summary>
public static class JobFamilyMarkdown
{
    /// <summary>Markdig's renderer refuses to go deeper than 128 nested nodes; stay well below it.</summary>
    private const int RenderDepthLimit = 100;

    /// <summary>A pipeline for parsing and rendering pages; build once and reuse (it is thread-safe).</summary>
    public static MarkdownPipeline CreatePipeline(IEnumerable<IMarkdownExtension>? extra = null)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UsePreciseSourceLocation();
        builder.Extensions.AddIfNotAlready(new KramdownHeadingIds());
        foreach (var extension in extra ?? [])
        {
            builder.Extensions.Add(extension);
        }

        return builder.Build();
    }

    /// <summary>
    /// Parses a page body (front matter already blanked) with <paramref name="pipeline"/>, with the line numbers of
    /// setext headings corrected (<see cref="SetextHeadingLines"/>). The document comes without Markdig's line-start
    /// table (<see cref="MarkdownDocument.LineStartIndexes"/>), see <see cref="ReleaseLineStarts"/>.
    /// </summary>
    public static MarkdownDocument Parse(string body, MarkdownPipeline pipeline)
    {
        var document = Markdig.Markdown.Parse(body, pipeline);
        SetextHeadingLines.Fix(document, body);
        ReleaseLineStarts(document);
        return document;
    }

    /// <summary>
    /// Lets go of the table of line starts that precise source locations make Markdig keep on the document (one
    /// <c>int</c> a line, in a list grown by doubling).
    /// </summary>
    /// <remarks>
    /// Markdig fills it while parsing, to give each inline its line and column; once parsed, every node carries its
    /// own line, column and span, and neither Markdig's renderers nor any pass of ours reads the table
    /// (<see cref="SetextHeadingLines"/> counts lines from the text). Kept, it lived with every tree from parsing to
    /// rendering: ≈ 2 MiB at synthetic N = 1000 (issue 9, peak memory; measured by summing the tables' capacities).
    /// </remarks>
    private static void ReleaseLineStarts(MarkdownDocument document) => document.LineStartIndexes = null;

    /// <summary>
    /// Parses like <see cref="Parse"/>, but survives Markdig's nesting limit: Markdig throws an
    /// <see cref="ArgumentException"/> for blocks or inlines nested too deeply (e.g. 128 blockquote markers). A page
    /// like that is then parsed as one indented code block, so it still renders (as plain text, every line in place)
    /// and <paramref name="tooDeep"/> tells the caller to report it.
    /// </summary>
    public static MarkdownDocument ParseWithinLimits(string body, MarkdownPipeline pipeline, out bool tooDeep)
    {
        try
        {
            var document = Parse(body, pipeline);
            // Parsing can succeed where rendering later hits the same limit (deeply nested emphasis or links).
            tooDeep = NestingDepth(document) >= RenderDepthLimit;
            if (!tooDeep)
            {
                return document;
            }
        }
        catch (ArgumentException)
        {
            tooDeep = true;
        }

        // Markdig ends a line at \r\n, \n or a bare \r: indent every one of them so no line escapes the code block.
        var lines = body.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var asCode = string.Join('\n', lines.Select(line => "    " + line.Replace("\t", "    ", StringComparison.Ordinal)));
        try
        {
            return Parse(asCode, pipeline);
        }
        catch (ArgumentException)
        {
            return new MarkdownDocument();
        }
    }


    private static int NestingDepth(MarkdownObject root)
    {
        var deepest = 0;
        var stack = new Stack<(MarkdownObject Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        stack.Push((child, depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    stack.Push((inline, depth + 1));
                    break;
                case Markdig.Syntax.Inlines.ContainerInline inlines:
                    foreach (var child in inlines)
                    {
                        stack.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return deepest;
    }

    /// <summary>Renders a (possibly edited) document to HTML with the renderers of <paramref name="pipeline"/>.</summary>
    public static string RenderHtml(MarkdownDocument document, MarkdownPipeline pipeline) =>
        Markdig.Markdown.ToHtml(document, pipeline);

    /// <summary><see cref="RenderHtml(MarkdownDocument, MarkdownPipeline)"/> written into <paramref name="writer"/>: the same text.</summary>
    public static void RenderHtml(MarkdownDocument document, MarkdownPipeline pipeline, TextWriter writer) =>
        Markdig.Markdown.ToHtml(document, writer, pipeline);
}
