namespace Handbook.JobFamilies.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// Something a role can extend: a role of a family, or (with <see cref="Role"/> null) the family's page-level
/// "general" sections (a Responsibilities/Requirements section outside any role). Equality is by reference of both.
/// </summary>
public sealed record ExtendsNode(JobFamily Family, Role? Role)
{
    /// <summary>The name shown to readers: the role name, or the page title for the general sections.</summary>
    public string Name => Role?.Name ?? Family.Title;

    /// <summary>The page URL with the role's anchor (the general sections have none).</summary>
    public string Url => Role is null || Role.Anchor.Length == 0 ? Family.Url : Family.Url + "#" + Role.Anchor;

    /// <summary>A link usable from <paramref name="from"/>: just the anchor on the same page.</summary>
    public string UrlFrom(JobFamily from) =>
        ReferenceEquals(from, Family) && Role is not null && Role.Anchor.Length > 0 ? "#" + Role.Anchor : Url;

    /// <summary>The section of a kind this node owns (for the general node: the page's top-level section of that kind).</summary>
    public Section? SectionOf(SectionKind kind) =>
        Role is null ? GeneralSection(Family, kind) : RoleSection(Role, kind);

    public static Section? RoleSection(Role role, SectionKind kind)
    {
        var direct = kind switch
        {
            SectionKind.Responsibilities => role.Responsibilities,
            SectionKind.Requirements => role.Requirements,
            SectionKind.NiceToHaves => role.NiceToHaves,
            SectionKind.PerformanceIndicators => role.PerformanceIndicators,
            _ => null,
        };
        return direct ?? Flatten(role.Sections).FirstOrDefault(s => s.Kind == kind);
    }

    /// <summary>
    /// The page-level section of a kind that lies outside every level and specialty, if any (a page role may span
    /// the whole page, so it does not count).
    /// </summary>
    public static Section? GeneralSection(JobFamily family, SectionKind kind)
    {
        ArgumentNullException.ThrowIfNull(family);
        return FirstGeneral(family, family.Sections, kind);
    }

    /// <summary>
    /// The first section of <paramref name="kind"/> in page order (each section before its children) outside every
    /// level and specialty. Plain loops: the resolver asks for every role name it matches (issue 9: the LINQ version
    /// was a fifth of what resolving allocated).
    /// </summary>
    private static Section? FirstGeneral(JobFamily family, List<Section> sections, SectionKind kind)
    {
        foreach (var section in sections)
        {
            if (section.Kind == kind && !InsideRole(family, section.Location.Line))
            {
                return section;
            }

            if (FirstGeneral(family, section.Children, kind) is { } child)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>True when a line lies in a role other than the page role (the roles of <see cref="JobFamily.Roles"/>).</summary>
    private static bool InsideRole(JobFamily family, int line) =>
        InsideRole(family.Levels, line) || InsideRole(family.Specialties, line)
        || (family.PageRole is { Kind: not RoleKind.Page } page && line >= page.StartLine && line <= page.EndLine);

    private static bool InsideRole(List<Role> roles, int line)
    {
        foreach (var role in roles)
        {
            if (role.Kind != RoleKind.Page && line >= role.StartLine && line <= role.EndLine)
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasGeneral(JobFamily family) =>
        GeneralSection(family, SectionKind.Responsibilities) is not null || GeneralSection(family, SectionKind.Requirements) is not null;

    internal static IEnumerable<Section> Flatten(IEnumerable<Section> sections)
    {
        foreach (var s in sections)
        {
            yield return s;
            foreach (var c in Flatten(s.Children))
            {
                yield return c;
            }
        }
    }

    public override string ToString() => Name;
}
