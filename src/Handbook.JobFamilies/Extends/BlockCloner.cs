namespace Handbook.JobFamilies.Extends;

using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Deep-copies a list item so an inherited bullet can live in another role's list (a Markdig node has one parent).
/// Copies paragraphs, nested lists and the common inlines; the copy gets the line of the statement that caused it,
/// so later passes report problems where the reader sees them. Reads the source, never changes it. With a link base
/// (the source's page URL) the copy's page-relative link URLs are rebased on it (<see cref="PageRelativeLinks"/>).
/// </summary>
internal static class BlockCloner
{
    public static ListItemBlock CloneItem(ListItemBlock source, int line, int column, string? linkBase = null)
    {
        var copy = new ListItemBlock(null!)
        {
            Order = source.Order,
            Line = line,
            Column = column,
        };
        foreach (var child in source)
        {
            if (CloneBlock(child, line, column, linkBase) is { } c)
            {
                copy.Add(c);
            }
        }

        return copy;
    }

    private static Block? CloneBlock(Block block, int line, int column, string? linkBase)
    {
        switch (block)
        {
            case ParagraphBlock p:
                return new ParagraphBlock { Inline = CloneContainer(p.Inline, new ContainerInline(), linkBase), Line = line, Column = column };
            case ListBlock list:
                var l = new ListBlock(null!)
                {
                    IsOrdered = list.IsOrdered,
                    BulletType = list.BulletType,
                    OrderedStart = list.OrderedStart,
                    DefaultOrderedStart = list.DefaultOrderedStart,
                    OrderedDelimiter = list.OrderedDelimiter,
                    IsLoose = list.IsLoose,
                    Line = line,
                    Column = column,
                };
                foreach (var child in list)
                {
                    if (child is ListItemBlock item)
                    {
                        l.Add(CloneItem(item, line, column, linkBase));
                    }
                }

                return l;
            default:
                // Rare inside a bullet (code, quotes): keep the words rather than lose the item.
                var text = block is LeafBlock leaf ? leaf.Lines.ToString() : string.Empty;
                if (text.Length == 0)
                {
                    return null;
                }

                var container = new ContainerInline();
                container.AppendChild(new LiteralInline(text));
                return new ParagraphBlock { Inline = container, Line = line, Column = column };
        }
    }

    internal static ContainerInline CloneContainer(ContainerInline? source, ContainerInline target, string? linkBase = null)
    {
        if (source is null)
        {
            return target;
        }

        foreach (var inline in source)
        {
            if (CloneInline(inline, linkBase) is { } c)
            {
                target.AppendChild(c);
            }
        }

        return target;
    }

    private static Inline? CloneInline(Inline inline, string? linkBase) => inline switch
    {
        LinkInline link => CloneContainer(link, new LinkInline(LinkUrl(link.Url ?? string.Empty, linkBase), link.Title ?? string.Empty) { IsImage = link.IsImage }, linkBase),
        EmphasisInline em => CloneContainer(em, new EmphasisInline { DelimiterChar = em.DelimiterChar, DelimiterCount = em.DelimiterCount }, linkBase),
        ContainerInline container => CloneContainer(container, new ContainerInline(), linkBase),
        // The copy shares the source's text: a slice of an immutable string, as Markdig's own literals are.
        LiteralInline literal => new LiteralInline(literal.Content),
        CodeInline code => new CodeInline(code.Content) { Delimiter = code.Delimiter, DelimiterCount = code.DelimiterCount },
        LineBreakInline br => new LineBreakInline { IsHard = br.IsHard, IsBackslash = br.IsBackslash },
        HtmlInline html => new HtmlInline(html.Tag),
        AutolinkInline auto => new AutolinkInline(auto.Url) { IsEmail = auto.IsEmail },
        HtmlEntityInline entity => new HtmlEntityInline { Original = entity.Original, Transcoded = new StringSlice(entity.Transcoded.ToString()) },
        _ => null,
    };

    private static string LinkUrl(string url, string? linkBase) => linkBase is null ? url : PageRelativeLinks.Rebase(url, linkBase);
}
