namespace Handbook.Site.Catalog;

using Handbook.JobFamilies.Model;

/// <summary>
/// Lets a tree-less family's bullets go, in place: every section's <see cref="Section.Items"/> is emptied and its
/// storage freed; identity, front matter, roles (names, anchors, grades, extends links), sections (titles, anchors,
/// lines) and the facts of the body (<see cref="JobFamily.BodyFacts"/>: the links) stay. For one-shot builds after
/// the last reader of the bullets (issue 9: the bullets and their texts are about half of the late half's live set).
/// </summary>
/// <remarks>
/// In place, not a copy: a copy of every role and section allocated 192 MiB at synthetic N = 10000 while the
/// originals were still alive, and the resident set grew by that much; emptying allocates nothing. That is safe only
/// where the family is this build's alone and read by nothing that needs bullets any more (a one-shot build keeps no
/// record for a later run). A family that still has its tree is refused: its links are found through its bullets
/// (<c>LinkFinder</c> skips the inherited ones).
/// </remarks>
public static class BulletRelease
{
    /// <summary>Empties every section of <paramref name="family"/>; returns how many bullets went.</summary>
    public static int Release(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (family.BodyFacts is null)
        {
            throw new ArgumentException("Only a family whose tree was let go (BodyFacts set) loses its bullets: the links of a family with a tree are found through them.", nameof(family));
        }

        var released = 0;
        foreach (var role in family.Roles)
        {
            released += Empty(role.Overview) + Empty(role.Responsibilities) + Empty(role.Requirements) + Empty(role.NiceToHaves) + Empty(role.PerformanceIndicators) + Empty(role.JobGrade);
            foreach (var section in role.Sections)
            {
                released += Empty(section);
            }
        }

        foreach (var section in family.Sections)
        {
            released += Empty(section);
        }

        return released + Empty(family.PerformanceIndicators) + Empty(family.CareerLadder) + Empty(family.HiringProcess);
    }

    // A section and its subsections; one reached twice (a level's section that is also a top-level one) is empty the
    // second time.
    private static int Empty(Section? section)
    {
        if (section is null)
        {
            return 0;
        }

        var released = section.Items.Count;
        section.Items.Clear();
        section.Items.Capacity = 0; // Clear keeps the array: this lets it go
        foreach (var child in section.Children)
        {
            released += Empty(child);
        }

        return released;
    }
}
