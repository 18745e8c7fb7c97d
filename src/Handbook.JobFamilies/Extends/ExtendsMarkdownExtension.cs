namespace Handbook.JobFamilies.Extends;

using Markdig;
using Markdig.Renderers;

/// <summary>
/// Registers the HTML renderer of the blocks <see cref="ExpandExtends"/> inserts for choices. Add it to the site's
/// pipeline (<c>JobFamilyMarkdown.CreatePipeline([new ExtendsMarkdownExtension()])</c>). Inherited bullets are
/// ordinary list items and need nothing.
/// </summary>
public sealed class ExtendsMarkdownExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<ExtendsChoiceRenderer>())
        {
            html.ObjectRenderers.Insert(0, new ExtendsChoiceRenderer());
        }
    }
}
