namespace Handbook.JobFamilies.Extends;

using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// An inherited bullet shown in place, without copying it: the list item <see cref="ExpandExtends"/> inserts, pointing
/// at the source bullet in the page it was written in. It has no children: the site's list renderer
/// (<see cref="InheritedListRenderer"/>) writes exactly what the marked deep copy (<see cref="Materialize"/>) would
/// render – the item's <c>class="inherited"</c> / <c>data-inherited-from</c> attributes, the "from &lt;role&gt;:"
/// marker, then the source's paragraphs – so a copy costs one node instead of a copied tree plus seven marker nodes.
/// Used only for bullets whose every node the copy reproduces exactly (<see cref="CanShow"/>); readers that need
/// the nodes (links) ask for <see cref="Materialize"/>. Like a copy, it is read-only and never changes its source.
/// </summary>
/// <remarks>
/// One node per bullet, not a list item holding a leaf block (the representation before): an inherited bullet cost
/// the item (96 bytes), its children array (56) and the leaf (112); now 120 bytes. At synthetic N = 3000 there are
/// ~727,000 of them (issue 9, peak memory). The attributes are a field, shared by every copy from one origin into one
/// page, not Markdig's per-object data store: <c>TryGetAttributes()</c> on this item answers null, readers ask
/// <see cref="InheritedAttributes"/> (no reader in the site reads list items' attributes other than the renderer).
/// </remarks>
public sealed class InheritedBulletBlock : ListItemBlock
{
    internal InheritedBulletBlock(ListItemBlock source, string originName, string url, HtmlAttributes inheritedAttributes)
        : base(null!)
    {
        Source = source;
        OriginName = originName;
        Url = url;
        InheritedAttributes = inheritedAttributes;
    }

    /// <summary>The bullet as written on its page (only paragraphs: <see cref="CanShow"/>).</summary>
    public ListItemBlock Source { get; }

    /// <summary>The role the bullet comes from, as the marker names it.</summary>
    public string OriginName { get; }

    /// <summary>The origin's URL as seen from the page the bullet is shown in.</summary>
    public string Url { get; }

    /// <summary>The attributes the item is rendered with (read-only by convention: shared by the copies of one origin).</summary>
    public HtmlAttributes InheritedAttributes { get; }

    /// <summary>
    /// The inherited list item this block stands for, as a detached deep copy: the same nodes (and positions) the
    /// copy <see cref="ExpandExtends"/> makes for bullets it cannot show in place, with its own attributes in Markdig's
    /// data store.
    /// </summary>
    public ListItemBlock Materialize() => InheritedCopy.Make(Source, Line, Column, OriginName, Url, InheritedCopy.Attributes(Url));

    /// <summary>
    /// True when the copy of <paramref name="source"/> would render the same as the source's own inlines: the bullet
    /// holds paragraphs only (starting with one), and every inline is of a type <see cref="BlockCloner"/> copies
    /// with everything its renderer reads (no attributes, no dynamic URL); anything else is copied.
    /// </summary>
    public static bool CanShow(ListItemBlock source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Count == 0)
        {
            return false;
        }

        foreach (var block in source)
        {
            if (block is not ParagraphBlock { Inline: { } inline } || !CopiesExactly(inline))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CopiesExactly(ContainerInline container)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (HasAttributes(inline))
            {
                return false;
            }

            var exact = inline.GetType() switch
            {
                var t when t == typeof(LinkInline) => inline is LinkInline { GetDynamicUrl: null, IsAutoLink: false } link && CopiesExactly(link),
                var t when t == typeof(EmphasisInline) || t == typeof(ContainerInline) => CopiesExactly((ContainerInline)inline),
                var t when t == typeof(LiteralInline) || t == typeof(CodeInline) || t == typeof(LineBreakInline)
                    || t == typeof(HtmlInline) || t == typeof(AutolinkInline) || t == typeof(HtmlEntityInline) => true,
                _ => false,
            };
            if (!exact)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Attributes that would be written: the copy has none.</summary>
    private static bool HasAttributes(Inline inline) =>
        inline.TryGetAttributes() is { } a && (a.Id is not null || a.Classes is { Count: > 0 } || a.Properties is { Count: > 0 });
}
