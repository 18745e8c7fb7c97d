namespace Handbook.JobFamilies.Kramdown;

using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>Renders <c>{::nomarkdown}</c> content as raw HTML (sanitized later like all HTML); other extensions print nothing.</summary>
public sealed class KramdownExtensionBlockRenderer : HtmlObjectRenderer<KramdownExtensionBlock>
{
    protected override void Write(HtmlRenderer renderer, KramdownExtensionBlock block)
    {
        if (block.IsRawHtml)
        {
            renderer.WriteLeafRawLines(block, true, false);
        }
    }
}
