namespace Handbook.JobFamilies.Kramdown;

using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>An attribute list line prints nothing (it is normally removed before rendering; this is the safety net).</summary>
public sealed class KramdownAttributeBlockRenderer : HtmlObjectRenderer<KramdownAttributeBlock>
{
    protected override void Write(HtmlRenderer renderer, KramdownAttributeBlock block)
    {
    }
}
