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
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var width = b.Length + 1;
        int[]? rented = null;
        var rows = width * 3 <= 384 ? stackalloc int[width * 3] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(width * 3)).AsSpan(0, width * 3);
        try
        {
            var beforePrevious = rows[..width];
            var previous = rows.Slice(width, width);
            var current = rows.Slice(2 * width, width);
            for (var j = 0; j < width; j++)
            {
                previous[j] = j; // row 0
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        best = Math.Min(best, beforePrevious[j - 2] + 1);
                    }

                    current[j] = best;
                }

                // Rotate: the current row becomes the previous one, the previous one the one before it.
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
