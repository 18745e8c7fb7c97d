namespace Handbook.JobFamilies.Extends;

using Markdig.Renderers.Html;

/// <summary>
/// Where inherited bullets shown in one page come from: the origin role's name (as the "from &lt;role&gt;:" marker
/// names it), its URL as seen from that page, and the list item attributes of those bullets (<c>class="inherited"</c>,
/// <c>data-inherited-from</c>). One per origin and page, shared by every bullet it gives that page; read-only.
/// </summary>
public sealed class InheritedOrigin
{
    internal InheritedOrigin(string name, string url)
    {
        Name = name;
        Url = url;
        Attributes = InheritedCopy.Attributes(url);
    }

    /// <summary>The role the bullets come from, as the marker names it.</summary>
    public string Name { get; }

    /// <summary>The origin's URL as seen from the page the bullets are shown in.</summary>
    public string Url { get; }

    /// <summary>The attributes the bullets' list items are rendered with (read-only by convention: shared).</summary>
    public HtmlAttributes Attributes { get; }
}
