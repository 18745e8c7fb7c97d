namespace Handbook.JobFamilies.Mermaid;

using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>
/// Renders a <c>```mermaid</c> block as <c>&lt;pre class="mermaid"&gt;</c> with the diagram source HTML-escaped (Mermaid
/// reads the element's text, so escaping keeps the diagram intact and the page safe); other code blocks go to Markdig's
/// own renderer.
/// </summary>
public sealed class MermaidCodeBlockRenderer(IMarkdownObjectRenderer fallback) : HtmlObjectRenderer<CodeBlock>
{
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
    }
}
