namespace Handbook.JobFamilies.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// A level or specialty whose Responsibilities, Requirements or Nice-to-haves are written under two headings. The
/// model kept only the first heading's bullets, so the second one's were silently missing from the export, search
/// and compare pages. Two cases:
/// <list type="bullet">
/// <item>the same heading twice ("#### Area Sales Manager (Federal) Requirements" twice, the first meant as
/// Responsibilities): MD008, and the role's list holds both headings' bullets;</item>
/// <item>a first heading without bullets ("##### Supervisory Responsibility", a paragraph) and a later one with them
/// ("#### Responsibilities", 19 bullets): the later one is the role's list, without a warning.</item>
/// </list>
/// Headings with other words ("Additional Requirements for EMEA", "Senior … Responsibilities" inside the base role)
/// stay as they are: they may be another role's or a deliberate second list.
/// </summary>
internal static class RepeatedSectionCheck
{
    public const string Code = "MD008";

    private static readonly string[] RankWords = ["junior", "associate", "intermediate", "senior", "staff", "principal", "distinguished", "lead", "manager", "director"];

    /// <param name="roles">The page's levels and specialties.</param>
    /// <param name="diagnostics">Where MD008 goes.</param>
    public static void Apply(IReadOnlyList<Role> roles, ICollection<Diagnostic> diagnostics)
    {
        foreach (var role in roles)
        {
            role.Responsibilities = Resolve(role, role.Responsibilities, SectionKind.Responsibilities, roles, diagnostics);
            role.Requirements = Resolve(role, role.Requirements, SectionKind.Requirements, roles, diagnostics);
            role.NiceToHaves = Resolve(role, role.NiceToHaves, SectionKind.NiceToHaves, roles, diagnostics);
        }
    }

    private static Section? Resolve(Role role, Section? first, SectionKind kind, IReadOnlyList<Role> roles, ICollection<Diagnostic> diagnostics)
    {
        if (first is null)
        {
            return null;
        }

        var own = OwnSections(role, kind, roles);
        if (own.Count < 2 || !own.Contains(first))
        {
            return first;
        }

        if (first.Items.Count == 0)
        {
            // A later list with no rank word the role's name lacks is this role's, not a variant's.
            return own.FirstOrDefault(s => s.Items.Count > 0 && !NamesOtherRank(s.Title, role.Name)) ?? first;
        }

        Section? merged = null;
        foreach (var later in own)
        {
            if (ReferenceEquals(later, first) || later.Items.Count == 0 || !SameTitle(later.Title, first.Title))
            {
                continue;
            }

            diagnostics.Add(Diagnostic.Warning(
                Code,
                $"'{role.Name}' has a second '{later.Title}' heading (the first is on line {first.Location.Line}); its bullets are read as part of the first",
                later.Location,
                Hint(role, kind)));
            merged ??= CopyOf(first);
            merged.Items.AddRange(later.Items);
        }

        return merged ?? first;
    }

    /// <summary>
    /// The role's list as one section: the first heading's section with the later lists' bullets after its own. A new
    /// section, not the page tree's: each section of the tree keeps just the bullets written under it.
    /// </summary>
    private static Section CopyOf(Section first)
    {
        var copy = new Section
        {
            Kind = first.Kind,
            Title = first.Title,
            Anchor = first.Anchor,
            HeadingLevel = first.HeadingLevel,
            Location = first.Location,
            Heading = first.Heading,
            StartLine = first.StartLine,
            EndLine = first.EndLine,
        };
        copy.Blocks.AddRange(first.Blocks);
        copy.Items.AddRange(first.Items);
        copy.Children.AddRange(first.Children);
        return copy;
    }

    private static string Hint(Role role, SectionKind kind) =>
        (kind, role.Requirements, role.Responsibilities) switch
        {
            (SectionKind.Responsibilities, null, _) => "did you mean Requirements? Rename the heading, or merge the two lists under one heading",
            (SectionKind.Requirements, _, null) => "did you mean Responsibilities? Rename the heading, or merge the two lists under one heading",
            _ => "merge the two lists under one heading",
        };

    /// <summary>The role's sections of a kind, in page order, that lie in the role itself (no other role is nearer) and not inside another one of the kind.</summary>
    private static List<Section> OwnSections(Role role, SectionKind kind, IReadOnlyList<Role> roles)
    {
        var found = new List<Section>();
        foreach (var section in role.Sections)
        {
            Collect(section, kind, role, roles, found);
        }

        found.Sort((a, b) => a.StartLine.CompareTo(b.StartLine));
        return found.Distinct().ToList();
    }

    private static void Collect(Section section, SectionKind kind, Role role, IReadOnlyList<Role> roles, List<Section> found)
    {
        if (section.Kind == kind)
        {
            if (ReferenceEquals(InnermostAt(section.StartLine, roles), role))
            {
                found.Add(section);
            }

            return; // a sub-heading of the same kind is part of this list
        }

        foreach (var child in section.Children)
        {
            Collect(child, kind, role, roles, found);
        }
    }

    private static Role? InnermostAt(int line, IReadOnlyList<Role> roles)
    {
        Role? best = null;
        foreach (var role in roles)
        {
            if (role.StartLine <= line && line <= role.EndLine && (best is null || role.EndLine - role.StartLine < best.EndLine - best.StartLine))
            {
                best = role;
            }
        }

        return best;
    }

    private static bool SameTitle(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string title) =>
        string.Join(' ', title.Trim().TrimEnd(':', '.').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static bool NamesOtherRank(string title, string roleName)
    {
        var titleWords = Words(title);
        var nameWords = Words(roleName);
        return RankWords.Any(w => titleWords.Contains(w) && !nameWords.Contains(w));
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '(', ')', '-', ':', '/'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}
