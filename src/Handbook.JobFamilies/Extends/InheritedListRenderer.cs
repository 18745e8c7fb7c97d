namespace Handbook.JobFamilies.Extends;

using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>
/// Markdig's list renderer, writing an <see cref="InheritedListItemBlock"/>'s attributes from its field; every other
/// list and item renders exactly as with Markdig's <see cref="ListRenderer"/> (the same writes in the same order; the
/// tests render every real page with both and compare).
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
            var previousImplicit = renderer.ImplicitParagraph;
            renderer.ImplicitParagraph = !listBlock.IsLoose;

            renderer.EnsureLine();
            if (renderer.EnableHtmlForBlock)
            {
                renderer.Write("<li");
                if (listItem is InheritedListItemBlock inherited)
                {
                    renderer.WriteAttributes(inherited.InheritedAttributes);
                }
                else
                {
                    renderer.WriteAttributes(listItem);
                }

                renderer.Write('>');
            }

            renderer.WriteChildren(listItem);

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
}
