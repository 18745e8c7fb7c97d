namespace Handbook.JobFamilies.Text;

/// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions ("Parnter").</summary>
public static class DamerauLevenshtein
{
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Distance(a.AsSpan(), b.AsSpan());
    }

    /// <summary>
    /// The distance, keeping only the three rows of the matrix the recurrence reads (the row before the previous one is
    /// for transpositions), on the stack for short words: role-name matching compares every unmatched word with every
    /// word of every candidate role, and a matrix per comparison was most of what matching names allocated (issue 9).
    /// </summary>
    /// <remarks>
    /// <see cref="DistanceWithin"/> with a limit no distance can exceed (the longer length): its band then holds every
    /// cell and nothing is capped, so there is one copy of the recurrence.
    /// </remarks>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => DistanceWithin(a, b, Math.Max(a.Length, b.Length));

    /// <summary>
    /// The distance when it is at most <paramref name="limit"/>, else <c>limit + 1</c>: what a caller that only accepts
    /// a distance up to a limit needs (the link check's "did you mean" over every page of the site, issue 9), in time
    /// proportional to <c>length × (2 × limit + 1)</c> instead of <c>length²</c>.
    /// </summary>
    /// <remarks>
    /// Exact: a cell (i, j) is at least |i − j| away (every edit changes the length difference by at most one), so the
    /// cells outside the band |i − j| ≤ limit are above the limit and are taken as <c>limit + 1</c>; and computing every
    /// cell capped at <c>limit + 1</c> gives each cell's true value capped, since the recurrence only adds non-negative
    /// costs to a minimum of its neighbours. (Tested against the whole matrix.)
    /// </remarks>
    public static int DistanceWithin(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var over = limit + 1;
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return over;
        }

        // A common prefix and suffix cost no edit and change no other cell's value (the distance of the rest is the
        // distance; checked against the untrimmed matrix): the link check's "did you mean" compares paths that mostly
        // share their department's folder, so most of each matrix went to the shared part (issue 9).
        var prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        var suffix = 0;
        while (suffix < a.Length && suffix < b.Length && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        a = a[..(a.Length - suffix)];
        b = b[..(b.Length - suffix)];
        var width = b.Length + 1;
        int[]? rented = null;
        var rows = width * 3 <= 384 ? stackalloc int[width * 3] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(width * 3)).AsSpan(0, width * 3);
        try
        {
            // Every cell no band writes reads as "over the limit"; a row's cells are written only inside its band.
            rows.Fill(over);
            var beforePrevious = rows[..width];
            var previous = rows.Slice(width, width);
            var current = rows.Slice(2 * width, width);
            for (var j = 0; j < width && j <= limit; j++)
            {
                previous[j] = j; // row 0
            }

            for (var i = 1; i <= a.Length; i++)
            {
                var first = Math.Max(1, i - limit);
                var last = Math.Min(b.Length, i + limit);

                // The cell left of the band: column 0 (i edits) or out of the band. It may hold an older row's value.
                current[first - 1] = first == 1 ? Math.Min(i, over) : over;
                for (var j = first; j <= last; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        best = Math.Min(best, beforePrevious[j - 2] + 1);
                    }

                    current[j] = Math.Min(best, over);
                }

                var spare = beforePrevious;
                beforePrevious = previous;
                previous = current;
                current = spare;
            }

            return previous[b.Length];
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>How many edits a word of this length may have and still count as the same word (a typo).</summary>
    public static int Tolerance(int length) => length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };
}
