namespace Handbook.Site.Versions;

using Handbook.JobFamilies.Grades;

/// <summary>
/// Whether two grade tables answer a page's grade lookups alike: what lets a version whose grade data differs from
/// the working tree's still take the current page's result (<see cref="CurrentPages"/>). A page's render reads the
/// table in two places only (<see cref="GradeResolver"/>): the track (<see cref="GradeTrackSelector"/>: a track by id,
/// the first track listing the page's department, the general track) and the grade of each value its mentions name
/// (<see cref="GradeTable.Find(GradeId)"/>: its id as written in the table, its title in the track, which makes the
/// role's grade, the link and its tooltip). The nearest grades of an unknown one are only a diagnostic's hint, and an
/// old version's diagnostics are not reported. So equal tracks (all of them, in order) and equal rows for every value
/// looked up mean an equal render; a difference in any other row cannot reach the page.
/// </summary>
public static class GradeLookupAgreement
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> have the same tracks and the same row (or both none) for every id.</summary>
    public static bool Agree(GradeTable a, GradeTable b, IEnumerable<GradeId> ids)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(ids);
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (!SameTracks(a.Tracks, b.Tracks))
        {
            return false;
        }

        foreach (var id in ids)
        {
            if (!SameRow(a.Find(id), b.Find(id)))
            {
                return false;
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

    // Every field but the row's line in its file (which only diagnostics show). Titles: the same track ids with the
    // same titles (both tables come from GradeTableReader, so their dictionaries compare keys alike).
    private static bool SameRow(Grade? a, Grade? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return string.Equals(a.Id.Text, b.Id.Text, StringComparison.Ordinal)
            && a.Id.Equals(b.Id)
            && string.Equals(a.Title, b.Title, StringComparison.Ordinal)
            && string.Equals(a.CareerTrack, b.CareerTrack, StringComparison.Ordinal)
            && string.Equals(a.Equivalent, b.Equivalent, StringComparison.Ordinal)
            && string.Equals(a.Note, b.Note, StringComparison.Ordinal)
            && SameTitles(a.Titles, b.Titles);
    }

    private static bool SameTitles(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (track, title) in a)
        {
            if (!b.TryGetValue(track, out var other) || !string.Equals(title, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
