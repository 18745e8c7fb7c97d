namespace Handbook.Site.Export;

using Handbook.JobFamilies.Model;

/// <summary>
/// The lists a family's levels share (<c>shared</c> in the export): the page role's Responsibilities, Requirements
/// and Nice-to-haves on a page with levels. A kind the page writes more than once outside its levels is left out:
/// those sections belong to groups of levels (engineering/trust-and-safety's "## Analyst, …" and "## Engineering, …"
/// each with its own "### Responsibilities"), and the first group's list is not what every level shares.
/// </summary>
internal sealed record SharedLists(Section? Responsibilities, Section? Requirements, Section? NiceToHaves)
{
    /// <summary>The family's shared lists, or null on a single-role page or when none holds a bullet.</summary>
    public static SharedLists? Of(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (family.Levels.Count == 0 || family.PageRole is not { } page)
        {
            return null;
        }

        var lists = new SharedLists(
            Only(page, page.Responsibilities, SectionKind.Responsibilities),
            Only(page, page.Requirements, SectionKind.Requirements),
            Only(page, page.NiceToHaves, SectionKind.NiceToHaves));
        return HasItems(lists.Responsibilities) || HasItems(lists.Requirements) || HasItems(lists.NiceToHaves) ? lists : null;
    }

    private static Section? Only(Role page, Section? section, SectionKind kind)
    {
        if (section is null)
        {
            return null;
        }

        // Sections of the kind that are not inside another one of the kind ("### You should apply if:" under "##
        // Requirements" is the same list); a section can be both in the role's list and a child of another there.
        var outermost = new HashSet<Section>(ReferenceEqualityComparer.Instance);
        var inside = new HashSet<Section>(ReferenceEqualityComparer.Instance);
        foreach (var top in page.Sections)
        {
            Visit(top, kind, enclosed: false, outermost, inside);
        }

        outermost.ExceptWith(inside);
        return outermost.Count > 1 ? null : section;
    }

    private static void Visit(Section section, SectionKind kind, bool enclosed, HashSet<Section> outermost, HashSet<Section> inside)
    {
        var mine = section.Kind == kind;
        if (mine)
        {
            (enclosed ? inside : outermost).Add(section);
        }

        foreach (var child in section.Children)
        {
            Visit(child, kind, enclosed || mine, outermost, inside);
        }
    }

    private static bool HasItems(Section? section) => section is { Items.Count: > 0 };
}
