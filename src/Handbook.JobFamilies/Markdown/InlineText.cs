namespace Handbook.JobFamilies.Markdown;

using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The plain text of Markdig nodes: literal text, code and link text, with markup and raw HTML dropped,
/// whitespace (including NBSP and line breaks) collapsed to single spaces.
/// </summary>
/// <remarks>
/// Whitespace is collapsed while the text is gathered (<see cref="CollapsingText"/>), so each call makes one string,
/// the result. It runs on every heading and every bullet of every page (issue 9: gathering into a
/// <c>StringBuilder</c> and collapsing into a second one made parsing allocate about six copies of each bullet).
/// </remarks>
public static class InlineText
{
    /// <summary>Plain text of a heading, paragraph or any leaf block's inlines.</summary>
    public static string Of(LeafBlock block)
    {
        var text = new CollapsingText();
        Append(ref text, block.Inline);
        return text.ToStringAndDispose();
    }

    /// <summary>Plain text of a container (a list item with its paragraphs and sub-lists), blocks joined by spaces.</summary>
    public static string Of(Block block)
    {
        var text = new CollapsingText();
        AppendBlock(ref text, block);
        return text.ToStringAndDispose();
    }

    /// <summary>Plain text of an inline container (e.g. the content of an emphasis).</summary>
    public static string Of(ContainerInline? inline)
    {
        var text = new CollapsingText();
        Append(ref text, inline);
        return text.ToStringAndDispose();
    }

    /// <summary>Collapses runs of whitespace (NBSP included) into one space and trims.</summary>
    /// <remarks>A text that is already collapsed (most are: titles come from <see cref="Of(LeafBlock)"/>) is returned as it is.</remarks>
    public static string Collapse(string text)
    {
        if (CollapsingText.IsCollapsed(text))
        {
            return text;
        }

        var collapsed = new CollapsingText();
        collapsed.Append(text);
        return collapsed.ToStringAndDispose();
    }

    private static void AppendBlock(ref CollapsingText text, Block block)
    {
        switch (block)
        {
            case LeafBlock leaf when leaf.Inline is not null:
                Append(ref text, leaf.Inline);
                text.Append(' ');
                break;
            case LeafBlock leaf:
                // Code blocks and raw HTML blocks keep their lines as text; raw HTML is skipped.
                if (leaf is CodeBlock && leaf is not HtmlBlock)
                {
                    text.Append(leaf.Lines.ToString());
                    text.Append(' ');
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(ref text, child);
                }

                break;
        }
    }

    private static void Append(ref CollapsingText text, Inline? inline)
    {
        switch (inline)
        {
            case null:
                break;
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(ref text, child);
                }

                break;
        }
    }
}
