namespace Handbook.JobFamilies.Mermaid;

using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>Renders <c>```mermaid</c> fenced blocks for the site's vendored Mermaid (theme/assets/vendor/mermaid).</summary>
public sealed class MermaidExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html || html.ObjectRenderers.Contains<MermaidCodeBlockRenderer>())
        {
            return;
        }

        var original = html.ObjectRenderers.FindExact<CodeBlockRenderer>();
        if (original is not null)
        {
            html.ObjectRenderers.Replace<CodeBlockRenderer>(new MermaidCodeBlockRenderer(original));
        }
    }
}
