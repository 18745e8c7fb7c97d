namespace Handbook.JobFamilies.Extends;

using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Consecutive inherited bullets shown in place, without copying them: one list item node that
/// <see cref="ExpandExtends"/> inserts for the bullets one statement gives a list, each pointing at its source bullet in
/// the page it was written in. It has no children: the site's list renderer (<see cref="InheritedListRenderer"/>)
/// writes, for each bullet, exactly what its marked deep copy (<see cref="Materialize"/>) would render – a list item
/// with the <c>class="inherited"</c> / <c>data-inherited-from</c> attributes, the "from &lt;role&gt;:" marker, then
/// the source's paragraphs. Used only for bullets whose every node the copy reproduces exactly (<see cref="CanShow"/>);
/// readers that need the nodes (links) ask for <see cref="Materialize"/>. Like a copy, it is read-only and never
/// changes its sources. The model's items of these bullets all point at the run (<see cref="Model.Item.Block"/>).
/// </summary>
/// <remarks>
/// Why a run and not a node per bullet (issue 9, peak memory): at synthetic N = 3000 there are ~727,000 inherited
/// bullets, all alive from expanding extends to rendering. A bullet cost a list item (96 bytes), its children array
/// (56) and a leaf block (112); as one list item node per bullet 120 bytes; in a run it costs a 16-byte entry, its
/// origin (name, URL, attributes) being shared by every bullet from that origin into the page. The attributes are not
/// in Markdig's per-object data store: <c>TryGetAttributes()</c> on a run answers null (no reader in the site reads
/// list items' attributes other than the renderer).
/// </remarks>
public sealed class InheritedBulletRun : ListItemBlock
{
    private readonly ShownBullet[] _bullets;

    internal InheritedBulletRun(ShownBullet[] bullets)
        : base(null!)
    {
        _bullets = bullets;
    }

    /// <summary>The bullets, in page order (at least one).</summary>
    public IReadOnlyList<ShownBullet> Bullets => _bullets;

    /// <summary>
    /// The list item that bullet <paramref name="index"/> stands for, as a detached deep copy: the same nodes (and
    /// positions: the run's) the copy <see cref="ExpandExtends"/> makes for bullets it cannot show in place, with its
    /// own attributes in Markdig's data store.
    /// </summary>
    public ListItemBlock Materialize(int index)
    {
        var bullet = _bullets[index];
        return InheritedCopy.Make(bullet.Source, Line, Column, bullet.Origin.Name, bullet.Origin.Url, InheritedCopy.Attributes(bullet.Origin.Url));
    }

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
