namespace Handbook.JobFamilies.Extends;

using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>
/// The list item of an inherited bullet shown in place (its only child is the <see cref="InheritedBulletBlock"/>):
/// it holds the <c>class="inherited"</c> / <c>data-inherited-from</c> attributes as a field, shared by every copy from
/// one origin into one page, instead of in Markdig's per-object data store (<c>SetAttributes</c> allocates a data-entry
/// array and its holder for each item: about 100 of the ~380 bytes an inherited bullet cost, issue 9). The site's list
/// renderer (<see cref="InheritedListRenderer"/>) writes them where Markdig's writes an item's attributes.
/// </summary>
/// <remarks>
/// <c>TryGetAttributes()</c> on this item answers null: readers of an inherited item's attributes ask
/// <see cref="InheritedAttributes"/> (no reader in the site reads list items' attributes other than the renderer).
/// </remarks>
public sealed class InheritedListItemBlock : ListItemBlock
{
    internal InheritedListItemBlock(HtmlAttributes inheritedAttributes)
        : base(null!)
    {
        InheritedAttributes = inheritedAttributes;
    }

    /// <summary>The attributes the item is rendered with (read-only by convention: shared by the copies of one origin).</summary>
    public HtmlAttributes InheritedAttributes { get; }
}
