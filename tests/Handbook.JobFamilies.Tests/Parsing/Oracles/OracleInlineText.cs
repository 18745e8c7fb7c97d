namespace Handbook.JobFamilies.Tests.Parsing.Oracles;

using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The oracle for <see cref="Handbook.JobFamilies.Markdown.InlineText"/>: its implementation before issue 9 (text gathered
/// into a StringBuilder, then collapsed into a second one), kept here unchanged so the single-pass version can be
/// compared with it.
/// The plain text of Markdig nodes: literal text, code and link text, with markup and raw HTML dropped,
/// whitespace (including NBSP and line breaks) collapsed to single spaces.
/// </summary>
internal static class OracleInlineText
{
    /// <summary>Plain text of a heading, paragraph or any leaf block's inlines.</summary>
    public static string Of(LeafBlock block) => Collapse(Append(new StringBuilder(), block.Inline).ToString());

    /// <summary>Plain text of a container (a list item with its paragraphs and sub-lists), blocks joined by spaces.</summary>
    public static string Of(Block block)
    {
        var builder = new StringBuilder();
        AppendBlock(builder, block);
        return Collapse(builder.ToString());
    }

    /// <summary>Plain text of an inline container (e.g. the content of an emphasis).</summary>
    public static string Of(ContainerInline? inline) => Collapse(Append(new StringBuilder(), inline).ToString());

    /// <summary>Collapses runs of whitespace (NBSP included) into one space and trims.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void AppendBlock(StringBuilder builder, Block block)
    {
        switch (block)
        {
            case LeafBlock leaf when leaf.Inline is not null:
                Append(builder, leaf.Inline);
                builder.Append(' ');
                break;
            case LeafBlock leaf:
                // Code blocks and raw HTML blocks keep their lines as text; raw HTML is skipped.
                if (leaf is CodeBlock && leaf is not HtmlBlock)
                {
                    builder.Append(leaf.Lines.ToString()).Append(' ');
                }

                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(builder, child);
                }

                break;
        }
    }

    private static StringBuilder Append(StringBuilder builder, Inline? inline)
    {
        switch (inline)
        {
            case null:
                break;
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(builder, child);
                }

                break;
        }

        return builder;
    }
}
