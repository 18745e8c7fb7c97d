namespace Handbook.Site.Versions;

using Handbook.JobFamilies.Grades;

/// <summary>
/// Whether two grade tables answer pages' grade lookups alike: what lets a version whose grade data differs from the
/// working tree's still take the current page's result (<see cref="CurrentPages"/>). A page's render reads the table
/// in two places only (<see cref="GradeResolver"/>): the track (<see cref="GradeTrackSelector"/>: a track by id, the
/// first track listing the page's department, the general track) and, for each value its mentions name, the grade
/// found (<see cref="GradeTable.Find(GradeId)"/>) – whether there is one, its id as written and its title in the
/// page's track, which make the role's grade, the link and its tooltip. The nearest grades of an unknown one are only
/// a diagnostic's hint, and an old version's diagnostics are not reported. So the same tracks (all, in order) and the
/// same answers to every lookup (<see cref="GradeLookups"/>) mean the same render; no other row, field or title can
/// reach the page.
/// </summary>
public static class GradeLookupAgreement
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> have the same tracks and answer every lookup alike.</summary>
    public static bool Agree(GradeTable a, GradeTable b, IEnumerable<GradeLookups> lookups)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(lookups);
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (!SameTracks(a.Tracks, b.Tracks))
        {
            return false;
        }

        foreach (var lookup in lookups)
        {
            foreach (var id in lookup.Ids)
            {
                if (!SameAnswer(a.Find(id), b.Find(id), lookup.TrackId))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool SameTracks(IReadOnlyList<GradeTrack> a, IReadOnlyList<GradeTrack> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Id, b[i].Id, StringComparison.Ordinal)
                || !string.Equals(a[i].Name, b[i].Name, StringComparison.Ordinal)
                || !a[i].Departments.SequenceEqual(b[i].Departments, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Both unknown, or both found with the id written alike (the tooltip shows it; the anchor comes from its value,
    // which Find matched) and the same title in the track.
    private static bool SameAnswer(Grade? a, Grade? b, string trackId)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return string.Equals(a.Id.Text, b.Id.Text, StringComparison.Ordinal)
            && string.Equals(a.TitleIn(trackId), b.TitleIn(trackId), StringComparison.Ordinal);
    }
}
