namespace Handbook.JobFamilies.Mermaid;

using Markdig.Syntax;

/// <summary>
/// Finds the link targets of Mermaid diagrams (<c>click node "url"</c>, <c>click node href "url"</c>) so the link
/// checker can check them like Markdown links. Comment lines (<c>%%</c>) and callbacks (<c>click node call f()</c>)
/// are not links.
/// </summary>
public static class MermaidLinks
{
    public static IReadOnlyList<MermaidLink> Find(MarkdownDocument document)
    {
        var links = new List<MermaidLink>();
        foreach (var block in document.Descendants<FencedCodeBlock>().Where(MermaidBlocks.IsMermaid))
        {
            var lines = block.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines.Lines[i];
                if (TryParseClick(line.Slice.ToString(), out var node, out var url, out var urlOffset))
                {
                    links.Add(new MermaidLink(node, url, line.Line, line.Column + urlOffset));
                }
            }
        }

        return links;
    }

    /// <summary>Reads <c>click id "url"</c> / <c>click id href "url"</c>; <paramref name="urlOffset"/> is where the URL starts in <paramref name="text"/>.</summary>
    internal static bool TryParseClick(string text, out string node, out string url, out int urlOffset)
    {
        node = url = string.Empty;
        urlOffset = 0;
        var i = SkipSpace(text, 0);
        if (string.CompareOrdinal(text, i, "%%", 0, 2) == 0 || string.CompareOrdinal(text, i, "click", 0, 5) != 0)
        {
            return false;
        }

        i += 5;
        if (i >= text.Length || !char.IsWhiteSpace(text[i]))
        {
            return false;
        }

        i = SkipSpace(text, i);
        var nodeStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        node = text[nodeStart..i];
        i = SkipSpace(text, i);
        if (string.CompareOrdinal(text, i, "href", 0, 4) == 0 && i + 4 < text.Length && char.IsWhiteSpace(text[i + 4]))
        {
            i = SkipSpace(text, i + 4);
        }

        if (node.Length == 0 || i >= text.Length || text[i] != '"')
        {
            return false;
        }

        var close = text.IndexOf('"', i + 1);
        if (close < 0)
        {
            return false;
        }

        urlOffset = i + 1;
        url = text[urlOffset..close];
        return url.Length > 0;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
