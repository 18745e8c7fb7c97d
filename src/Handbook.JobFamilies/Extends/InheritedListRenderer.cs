namespace Handbook.JobFamilies.Extends;

using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>
/// Markdig's list renderer, writing an inherited bullet shown in place (<see cref="InheritedBulletBlock"/>) as its
/// marked copy would render: its attributes from its field, then the marker and the source's paragraphs
/// (<see cref="WriteShown"/>). Every other list and item renders exactly as with Markdig's <see cref="ListRenderer"/>
/// (the same writes in the same order; the tests render every real page with both and compare).
/// </summary>
public sealed class InheritedListRenderer : ListRenderer
{
    protected override void Write(HtmlRenderer renderer, ListBlock listBlock)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(listBlock);
        renderer.EnsureLine();
        if (renderer.EnableHtmlForBlock)
        {
            if (listBlock.IsOrdered)
            {
                renderer.Write("<ol");
                if (listBlock.BulletType != '1')
                {
                    renderer.Write(" type=\"").Write(listBlock.BulletType).Write('"');
                }

                if (listBlock.OrderedStart is not null and not "1")
                {
                    renderer.Write(" start=\"").Write(listBlock.OrderedStart).Write('"');
                }

                renderer.WriteAttributes(listBlock);
                renderer.WriteLine(">");
            }
            else
            {
                renderer.Write("<ul");
                renderer.WriteAttributes(listBlock);
                renderer.WriteLine(">");
            }
        }

        foreach (var item in listBlock)
        {
            var listItem = (ListItemBlock)item;
            var shown = listItem as InheritedBulletBlock;
            var previousImplicit = renderer.ImplicitParagraph;
            renderer.ImplicitParagraph = !listBlock.IsLoose;

            renderer.EnsureLine();
            if (renderer.EnableHtmlForBlock)
            {
                renderer.Write("<li");
                if (shown is not null)
                {
                    renderer.WriteAttributes(shown.InheritedAttributes);
                }
                else
                {
                    renderer.WriteAttributes(listItem);
                }

                renderer.Write('>');
            }

            if (shown is not null)
            {
                WriteShown(renderer, shown);
            }
            else
            {
                renderer.WriteChildren(listItem);
            }

            if (renderer.EnableHtmlForBlock)
            {
                renderer.WriteLine("</li>");
            }

            renderer.EnsureLine();
            renderer.ImplicitParagraph = previousImplicit;
        }

        if (renderer.EnableHtmlForBlock)
        {
            renderer.WriteLine(listBlock.IsOrdered ? "</ol>" : "</ul>");
        }

        renderer.EnsureLine();
    }

    /// <summary>
    /// The content of an inherited bullet shown in place, as its marked copy's children render inside the item: each
    /// source paragraph as Markdig's paragraph renderer writes a paragraph without attributes (no <c>&lt;p&gt;</c> in
    /// a tight list), the first one starting with the marker as the marker's nodes render
    /// (<c>&lt;span class="inherited-from"&gt;from &lt;a href="…"&gt;Role&lt;/a&gt;:&lt;/span&gt; </c>), and the
    /// source's inlines through the pipeline's own inline renderers. A renderer in an unusual mode (HTML or escaping
    /// off) renders the materialised copy's children instead.
    /// </summary>
    private static void WriteShown(HtmlRenderer renderer, InheritedBulletBlock shown)
    {
        if (!renderer.EnableHtmlForBlock || !renderer.EnableHtmlForInline || !renderer.EnableHtmlEscape)
        {
            renderer.WriteChildren(shown.Materialize());
            return;
        }

        var first = true;
        foreach (var block in shown.Source)
        {
            var paragraph = (ParagraphBlock)block; // InheritedBulletBlock.CanShow: paragraphs only
            // As ParagraphRenderer in the copy's item: only its first paragraph is first in its container.
            if (!renderer.ImplicitParagraph)
            {
                if (!first)
                {
                    renderer.EnsureLine();
                }

                renderer.Write("<p>");
            }

            if (first)
            {
                renderer.Write("<span class=\"inherited-from\">from <a href=\"").WriteEscapeUrl(shown.Url).Write("\">")
                    .WriteEscape(shown.OriginName).Write("</a>:</span> ");
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
