namespace Handbook.JobFamilies.Extends;

using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>
/// Renders an <see cref="InheritedBulletBlock"/> as its marked copy would render inside the list item: each source
/// paragraph as Markdig's paragraph renderer writes a paragraph without attributes (no <c>&lt;p&gt;</c> in a tight
/// list), the first one starting with the marker as the marker's nodes render
/// (<c>&lt;span class="inherited-from"&gt;from &lt;a href="…"&gt;Role&lt;/a&gt;:&lt;/span&gt; </c>), and the
/// source's inlines through the pipeline's own inline renderers. A renderer in an unusual mode (HTML or escaping
/// off) renders the materialised copy instead.
/// </summary>
public sealed class InheritedBulletRenderer : HtmlObjectRenderer<InheritedBulletBlock>
{
    protected override void Write(HtmlRenderer renderer, InheritedBulletBlock obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        if (!renderer.EnableHtmlForBlock || !renderer.EnableHtmlForInline || !renderer.EnableHtmlEscape)
        {
            renderer.WriteChildren(obj.Materialize());
            return;
        }

        var first = true;
        foreach (var block in obj.Source)
        {
            var paragraph = (ParagraphBlock)block; // InheritedBulletBlock.CanShow: paragraphs only
            // As ParagraphRenderer: the block is the list item's only child, so only the first paragraph is first.
            if (!renderer.ImplicitParagraph)
            {
                if (!first || !renderer.IsFirstInContainer)
                {
                    renderer.EnsureLine();
                }

                renderer.Write("<p>");
            }

            if (first)
            {
                renderer.Write("<span class=\"inherited-from\">from <a href=\"").WriteEscapeUrl(obj.Url).Write("\">")
                    .WriteEscape(obj.OriginName).Write("</a>:</span> ");
            }

            renderer.WriteChildren(paragraph.Inline!);
            if (!renderer.ImplicitParagraph)
            {
                renderer.WriteLine("</p>");
                renderer.EnsureLine();
            }

            first = false;
        }
    }
}
