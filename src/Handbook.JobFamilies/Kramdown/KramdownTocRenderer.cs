namespace Handbook.JobFamilies.Kramdown;

using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Renders kramdown's table of contents like kramdown does: a nested <c>&lt;ul id="markdown-toc"&gt;</c> of links to every
/// heading that has an id and no <c>no_toc</c> class, nested by heading level.
/// </summary>
public sealed class KramdownTocRenderer : HtmlObjectRenderer<KramdownTocBlock>
{
    protected override void Write(HtmlRenderer renderer, KramdownTocBlock block)
    {
        var root = new Entry(0, string.Empty, string.Empty);
        var open = new Stack<Entry>();
        open.Push(root);
        foreach (var heading in DocumentOf(block).Descendants<HeadingBlock>())
        {
            var attributes = heading.TryGetAttributes();
            if (attributes?.Id is not { Length: > 0 } id || attributes.Classes?.Contains("no_toc") == true)
            {
                continue;
            }

            while (open.Peek().Level >= heading.Level)
            {
                open.Pop();
            }

            var entry = new Entry(heading.Level, id, PlainText(heading.Inline));
            open.Peek().Children.Add(entry);
            open.Push(entry);
        }

        if (root.Children.Count == 0)
        {
            return;
        }

        var tag = block.Ordered ? "ol" : "ul";
        renderer.EnsureLine();
        renderer.Write('<').Write(tag).WriteAttributes(block).Write('>').WriteLine();
        WriteItems(renderer, root.Children, tag);
        renderer.Write("</").Write(tag).Write('>').WriteLine();
    }

    private static void WriteItems(HtmlRenderer renderer, List<Entry> entries, string tag)
    {
        foreach (var e in entries)
        {
            renderer.Write("<li><a href=\"#").WriteEscapeUrl(e.Id).Write("\" id=\"markdown-toc-").WriteEscape(e.Id).Write("\">")
                .WriteEscape(e.Text).Write("</a>");
            if (e.Children.Count > 0)
            {
                renderer.WriteLine().Write('<').Write(tag).Write('>').WriteLine();
                WriteItems(renderer, e.Children, tag);
                renderer.Write("</").Write(tag).Write('>').WriteLine();
            }

            renderer.Write("</li>").WriteLine();
        }
    }

    private static MarkdownDocument DocumentOf(Block block)
    {
        Block current = block;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return (MarkdownDocument)current;
    }

    /// <summary>The text of a heading without markup (links, emphasis and HTML tags dropped, code kept).</summary>
    internal static string PlainText(ContainerInline? inline)
    {
        var sb = new System.Text.StringBuilder();
        Append(inline);
        return sb.ToString().Trim();

        void Append(Inline? node)
        {
            switch (node)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    sb.Append(entity.Transcoded.ToString());
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Append(child);
                    }

                    break;
            }
        }
    }

    private sealed record Entry(int Level, string Id, string Text)
    {
        public List<Entry> Children { get; } = [];
    }
}
