namespace Handbook.JobFamilies.Kramdown;

using Markdig.Renderers.Html;

/// <summary>
/// Which attributes an attribute list may set. Only presentational, harmless ones: anything else (<c>style</c>,
/// <c>onclick</c>, <c>href</c>…) is dropped with KD004, because page authors must not inject behaviour or styling.
/// </summary>
public static class KramdownAttributePolicy
{
    public static readonly IReadOnlySet<string> AllowedAttributes =
        new HashSet<string>(["class", "id", "title", "lang", "dir"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Copies the allowed attributes to <paramref name="target"/>; returns the names of the dropped ones.</summary>
    public static IReadOnlyList<string> Apply(KramdownAttributes attributes, HtmlAttributes target)
    {
        var dropped = new List<string>();
        foreach (var c in attributes.Classes)
        {
            target.AddClass(c);
        }

        if (attributes.Id is not null)
        {
            target.Id = attributes.Id;
        }

        foreach (var (key, value) in attributes.Values)
        {
            if (!AllowedAttributes.Contains(key))
            {
                dropped.Add(key);
            }
            else if (key.Equals("class", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var c in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    target.AddClass(c);
                }
            }
            else if (key.Equals("id", StringComparison.OrdinalIgnoreCase))
            {
                target.Id = value;
            }
            else
            {
                target.AddProperty(key.ToLowerInvariant(), value);
            }
        }

        return dropped;
    }
}
