namespace Handbook.JobFamilies.Extends;

using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// An inherited bullet as a full copy of its source (<see cref="BlockCloner"/>) marked with its origin: the
/// <c>class="inherited"</c> and <c>data-inherited-from</c> attributes and a visible "from &lt;role&gt;:" link before
/// its text. <see cref="ExpandExtends"/> makes it for the bullets an <see cref="InheritedBulletRun"/> cannot show,
/// and the readers that need an inherited bullet's nodes (links) get it from <see cref="InheritedBulletRun.Materialize"/>.
/// </summary>
internal static class InheritedCopy
{
    /// <summary>The attributes of every copy from one origin URL: shared, since nothing changes them after expansion.</summary>
    public static HtmlAttributes Attributes(string url) => new()
    {
        Classes = ["inherited"],
        Properties = [new KeyValuePair<string, string?>("data-inherited-from", url)],
    };

    /// <summary>
    /// A marked deep copy of <paramref name="source"/> placed at <paramref name="line"/>/<paramref name="column"/>;
    /// with <paramref name="linkBase"/> (the source's page URL), its page-relative links are rebased on that page.
    /// </summary>
    public static ListItemBlock Make(ListItemBlock source, int line, int column, string originName, string url, HtmlAttributes attributes, string? linkBase = null) =>
        Mark(BlockCloner.CloneItem(source, line, column, linkBase), originName, url, attributes);

    /// <summary>
    /// Adds the inherited attributes to a copy, and a visible "from &lt;role&gt;:" link before its text (in its first
    /// paragraph, or in a new one when it starts with something else). <paramref name="url"/> is the origin's URL as
    /// seen from the page the copy goes into.
    /// </summary>
    public static ListItemBlock Mark(ListItemBlock copy, string originName, string url, HtmlAttributes attributes)
    {
        copy.SetAttributes(attributes);
        if (copy.Count > 0 && copy[0] is ParagraphBlock { Inline: { } inline })
        {
            InsertMarker(inline, inline.FirstChild, originName, url);
        }
        else
        {
            var marker = new ContainerInline();
            InsertMarker(marker, null, originName, url);
            copy.Insert(0, new ParagraphBlock { Inline = marker, Line = copy.Line, Column = copy.Column });
        }

        return copy;
    }

    /// <summary>The marker's inlines, in order, before <paramref name="before"/> (at the end of <paramref name="into"/> when null).</summary>
    private static void InsertMarker(ContainerInline into, Inline? before, string originName, string url)
    {
        Place(into, before, new HtmlInline("<span class=\"inherited-from\">"));
        Place(into, before, new LiteralInline("from "));
        var link = new LinkInline(url, string.Empty);
        link.AppendChild(new LiteralInline(originName));
        Place(into, before, link);
        Place(into, before, new LiteralInline(":"));
        Place(into, before, new HtmlInline("</span>"));
        Place(into, before, new LiteralInline(" "));
    }

    private static void Place(ContainerInline into, Inline? before, Inline part)
    {
        if (before is null)
        {
            into.AppendChild(part);
        }
        else
        {
            before.InsertBefore(part);
        }
    }
}
