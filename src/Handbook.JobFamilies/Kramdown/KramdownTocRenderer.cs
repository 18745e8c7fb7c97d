namespace Handbook.JobFamilies.Kramdown;

using Handbook.JobFamilies.Markdown;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

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

            var entry = new Entry(heading.Level, id, InlineText.Of(heading));
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

    private sealed record Entry(int Level, string Id, string Text)
    {
        public List<Entry> Children { get; } = [];
    }
}
