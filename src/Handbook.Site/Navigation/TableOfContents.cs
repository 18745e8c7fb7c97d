namespace Handbook.Site.Navigation;

using Handbook.JobFamilies.Model;
using Handbook.Site.Theming.Views;

/// <summary>
/// The table of contents of a family page: the "Levels at a glance" table (when shown), then every top-level
/// heading of the body in page order, with the levels and specialties under the heading that holds them. Levels
/// or specialties that no heading holds (the parser found them elsewhere) are listed at the end, so every role is
/// reachable from the TOC. A top-level heading that belongs to a level or specialty (pages that put "Responsibilities"
/// at a higher heading level than the role above it) is the role's own part and gets no entry; roles below it are
/// listed in its place.
/// </summary>
public static class TableOfContents
{
    /// <summary>The id of the "Levels at a glance" heading on family pages.</summary>
    public const string GlanceAnchor = "glance-title";

    public static IReadOnlyList<TocEntryView> Of(JobFamily family, bool withGlance)
    {
        ArgumentNullException.ThrowIfNull(family);
        var roles = family.Levels.Concat(family.Specialties)
            .Where(r => r.Anchor.Length > 0)
            .GroupBy(r => r.Anchor, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var ownedByRoles = family.Levels.Concat(family.Specialties).SelectMany(r => r.Sections).ToHashSet();

        var entries = new List<TocEntryView>();
        if (withGlance)
        {
            entries.Add(new TocEntryView("Levels at a glance", "#" + GlanceAnchor, []));
        }

        foreach (var section in family.Sections)
        {
            if (section.Anchor.Length == 0 || ownedByRoles.Contains(section))
            {
                // A bold pseudo-heading has no id to link to, and a role's own section is not listed; roles below
                // either still get entries.
                entries.AddRange(RolesBelow(section, roles, listed));
            }
            else if (roles.TryGetValue(section.Anchor, out var role))
            {
                listed.Add(role.Anchor);
                entries.Add(new TocEntryView(role.Name, "#" + role.Anchor, []));
            }
            else
            {
                entries.Add(new TocEntryView(section.Title, "#" + section.Anchor, RolesBelow(section, roles, listed)));
            }
        }

        var unlisted = roles.Values.Where(r => !listed.Contains(r.Anchor)).ToList();
        entries.AddRange(unlisted.Select(r => new TocEntryView(r.Name, "#" + r.Anchor, [])));
        return entries;
    }

    // The role headings below a section, without descending into a role (its Responsibilities etc. stay out).
    private static List<TocEntryView> RolesBelow(Section section, Dictionary<string, Role> roles, HashSet<string> listed)
    {
        var found = new List<TocEntryView>();
        foreach (var child in section.Children)
        {
            if (child.Anchor.Length > 0 && roles.TryGetValue(child.Anchor, out var role) && listed.Add(role.Anchor))
            {
                found.Add(new TocEntryView(role.Name, "#" + role.Anchor, []));
            }
            else
            {
                found.AddRange(RolesBelow(child, roles, listed));
            }
        }

        return found;
    }
}
