namespace Handbook.JobFamilies.Reuse;

using Handbook.JobFamilies.Model;

/// <summary>
/// The names other pages can find a family by: its URL and title, each role's kind, name and anchor, and each
/// section's kind, title and anchor (depth first, as the page's section tree holds them). "Extends" statements resolve
/// through exactly these (in-page anchors, links by URL and anchor, near-exact role names, family titles), so when a
/// rebuilt family's signature equals its stored one, no other page's statement can resolve differently because of it
/// (issue 9, per-family reuse: a family whose signature changed makes the build fall back to a full one). It also holds
/// the front matter's title, which ERB's <c>job_families</c> lists a page by (its slug when there is none): with it
/// unchanged an ERB page that lists the family expands to the same text, so ERB pages can be restored too.
/// </summary>
/// <param name="Url">The family's URL.</param>
/// <param name="Title">The family's title.</param>
/// <param name="FrontMatterTitle">The front matter's title as read (null: none). Not always <paramref name="Title"/>:
/// without it the title comes from the first heading, so removing it can leave the title alone and still change the
/// ERB listing.</param>
/// <param name="Roles">The roles in <see cref="JobFamily.Roles"/> order.</param>
/// <param name="Sections">The sections of <see cref="JobFamily.Sections"/>, depth first.</param>
public sealed record FamilySignature(string Url, string Title, string? FrontMatterTitle, IReadOnlyList<SignatureName> Roles, IReadOnlyList<SignatureName> Sections)
{
    public static FamilySignature Of(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var roles = family.Roles.Select(r => new SignatureName(r.Kind.ToString(), r.Name, r.Anchor)).ToList();
        var sections = new List<SignatureName>();
        AddDepthFirst(family.Sections, sections);
        return new FamilySignature(family.Url, family.Title, family.FrontMatter.Title, roles, sections);
    }

    /// <summary>Same URL, titles, roles and sections, in the same order (records compare lists by reference, so this is the comparison to use).</summary>
    public bool Matches(FamilySignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Url, other.Url, StringComparison.Ordinal)
            && string.Equals(Title, other.Title, StringComparison.Ordinal)
            && string.Equals(FrontMatterTitle, other.FrontMatterTitle, StringComparison.Ordinal)
            && Roles.SequenceEqual(other.Roles)
            && Sections.SequenceEqual(other.Sections);
    }

    private static void AddDepthFirst(IEnumerable<Section> sections, List<SignatureName> names)
    {
        foreach (var section in sections)
        {
            names.Add(new SignatureName(section.Kind.ToString(), section.Title, section.Anchor));
            AddDepthFirst(section.Children, names);
        }
    }
}

/// <summary>One named part of a <see cref="FamilySignature"/>: a role's or a section's kind, name and anchor.</summary>
public sealed record SignatureName(string Kind, string Name, string Anchor);
