namespace Handbook.JobFamilies.Mermaid;

using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>
/// Renders a <c>```mermaid</c> block as <c>&lt;pre class="mermaid"&gt;</c> with the diagram source HTML-escaped (Mermaid
/// reads the element's text, so escaping keeps the diagram intact and the page safe); other code blocks go to Markdig's
/// own renderer. When the diagram links nodes to pages (<c>click node "url"</c>), the links are also listed below
/// it as ordinary HTML links, so readers without JavaScript (or with a screen reader, to which the drawn diagram
/// says little) can follow the career ladder too.
/// </summary>
public sealed class MermaidCodeBlockRenderer(IMarkdownObjectRenderer fallback) : HtmlObjectRenderer<CodeBlock>
{
    // A ladder has a handful of links; the cap keeps a hostile diagram from costing links × lines label look-ups.
    private const int MaxLinks = 100;

    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        if (!MermaidBlocks.IsMermaid(block))
        {
            fallback.Write(renderer, block);
            return;
        }

        renderer.EnsureLine();
        renderer.Write("<pre class=\"mermaid\">");
        renderer.WriteLeafRawLines(block, true, true);
        renderer.Write("</pre>").WriteLine();
        WriteLinks(renderer, block);
    }

    private static void WriteLinks(HtmlRenderer renderer, CodeBlock block)
    {
        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()).ToList();
        var links = new List<(string Label, string Url)>();
        var seen = new HashSet<(string, string)>();
        foreach (var line in lines)
        {
            if (links.Count == MaxLinks)
            {
                break;
            }

            if (MermaidLinks.TryParseClick(line, out var node, out var url, out _))
            {
                var link = (MermaidNodeLabels.Find(lines, node) ?? node, url);
                if (seen.Add(link))
                {
                    links.Add(link);
                }
            }
        }

        if (links.Count == 0)
        {
            return;
        }

        renderer.Write("<div class=\"diagram-links\"><p>Links in this diagram:</p><ul>").WriteLine();
        foreach (var (label, url) in links)
        {
            renderer.Write("<li><a href=\"").WriteEscapeUrl(url).Write("\">").WriteEscape(label).Write("</a></li>").WriteLine();
        }

        renderer.Write("</ul></div>").WriteLine();
    }
}
