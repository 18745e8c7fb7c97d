namespace Handbook.JobFamilies.Extends;

using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>
/// Markdig's list renderer, writing each inherited bullet shown in place (<see cref="InheritedBulletRun"/>) as its
/// marked copy would render: a list item with its origin's attributes, then the marker and the source's paragraphs
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
            if (item is InheritedBulletRun run)
            {
                for (var i = 0; i < run.Bullets.Count; i++)
                {
                    WriteItem(renderer, listBlock, run, run.Bullets[i]);
                }
            }
            else
            {
                WriteItem(renderer, listBlock, (ListItemBlock)item, shown: null);
            }
        }

        if (renderer.EnableHtmlForBlock)
        {
            renderer.WriteLine(listBlock.IsOrdered ? "</ol>" : "</ul>");
        }

        renderer.EnsureLine();
    }

    /// <summary>
    /// One list item as Markdig's list renderer writes it; for an inherited bullet shown in place (<paramref name="shown"/>
    /// of <paramref name="item"/>, a run) its attributes come from its origin and its content from <see cref="WriteShown"/>.
    /// </summary>
    private static void WriteItem(HtmlRenderer renderer, ListBlock listBlock, ListItemBlock item, ShownBullet? shown)
    {
        var previousImplicit = renderer.ImplicitParagraph;
        renderer.ImplicitParagraph = !listBlock.IsLoose;

        renderer.EnsureLine();
        if (renderer.EnableHtmlForBlock)
        {
            renderer.Write("<li");
            if (shown is { } bullet)
            {
                renderer.WriteAttributes(bullet.Origin.Attributes);
            }
            else
            {
                renderer.WriteAttributes(item);
            }

            renderer.Write('>');
        }

        if (shown is { } content)
        {
            WriteShown(renderer, (InheritedBulletRun)item, content);
        }
        else
        {
            renderer.WriteChildren(item);
        }

        if (renderer.EnableHtmlForBlock)
        {
            renderer.WriteLine("</li>");
        }

        renderer.EnsureLine();
        renderer.ImplicitParagraph = previousImplicit;
    }

    /// <summary>
    /// The content of an inherited bullet shown in place, as its marked copy's children render inside the item: each
    /// source paragraph as Markdig's paragraph renderer writes a paragraph without attributes (no <c>&lt;p&gt;</c> in
    /// a tight list), the first one starting with the marker as the marker's nodes render
    /// (<c>&lt;span class="inherited-from"&gt;from &lt;a href="…"&gt;Role&lt;/a&gt;:&lt;/span&gt; </c>), and the
    /// source's inlines through the pipeline's own inline renderers. A renderer in an unusual mode (HTML or escaping
    /// off) renders the materialised copy's children instead.
    /// </summary>
    private static void WriteShown(HtmlRenderer renderer, InheritedBulletRun run, ShownBullet shown)
    {
        if (!renderer.EnableHtmlForBlock || !renderer.EnableHtmlForInline || !renderer.EnableHtmlEscape)
        {
            renderer.WriteChildren(InheritedCopy.Make(shown.Source, run.Line, run.Column, shown.Origin.Name, shown.Origin.Url, InheritedCopy.Attributes(shown.Origin.Url)));
            return;
        }

        var first = true;
        foreach (var block in shown.Source)
        {
            var paragraph = (ParagraphBlock)block; // InheritedBulletRun.CanShow: paragraphs only
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
                renderer.Write("<span class=\"inherited-from\">from <a href=\"").WriteEscapeUrl(shown.Origin.Url).Write("\">")
                    .WriteEscape(shown.Origin.Name).Write("</a>:</span> ");
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
