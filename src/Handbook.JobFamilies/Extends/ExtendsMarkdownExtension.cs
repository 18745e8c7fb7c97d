namespace Handbook.JobFamilies.Extends;

using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>
/// Registers the HTML renderers of the blocks <see cref="ExpandExtends"/> inserts: choices and inherited bullets shown
/// in place (<see cref="InheritedBulletRun"/>). Add it to the site's pipeline
/// (<c>JobFamilyMarkdown.CreatePipeline([new ExtendsMarkdownExtension()])</c>).
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

        // Inherited bullets shown in place (InheritedBulletRun) are list items with their contents and attributes in
        // fields: the list renderer writes them.
        if (renderer is HtmlRenderer withLists && !withLists.ObjectRenderers.Contains<InheritedListRenderer>())
        {
            withLists.ObjectRenderers.Replace<ListRenderer>(new InheritedListRenderer());
        }
    }
}
