namespace Handbook.Site.Compare;

using DiffPlex;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Text;

/// <summary>
/// Aligns bullet lists so equal bullets share a row. Bullets are matched by their normalised text (letters and
/// digits, lower case – the key the extends pass de-duplicates with; compared as numbers, see <see cref="ItemKeyIds"/>)
/// and aligned with DiffPlex as a longest common subsequence, so every list keeps its page order: a bullet one level
/// inherits from another, or that both copy, shares a row; the rest get a row of their own.
/// </summary>
public static class LevelComparison
{
    /// <summary>The sections compared, in the order a job description lists them.</summary>
    public static readonly IReadOnlyList<SectionKind> Kinds =
        [SectionKind.Responsibilities, SectionKind.Requirements, SectionKind.NiceToHaves, SectionKind.PerformanceIndicators];

    /// <summary>Aligns two bullet lists; every bullet of each list appears exactly once, in its list's order.</summary>
    public static IReadOnlyList<ComparedRow> Align(IReadOnlyList<Item> left, IReadOnlyList<Item> right)
    {
        var ids = new ItemKeyIds();
        return AlignKeys(ids.Of(left), ids.Of(right))
            .Select(p => new ComparedRow(p.Left is { } l ? left[l] : null, p.Right is { } r ? right[r] : null))
            .ToList();
    }

    /// <summary>The bullets of one kind of section of a role (empty when it has none).</summary>
    public static IReadOnlyList<Item> ItemsOf(Role role, SectionKind kind)
    {
        var section = kind switch
        {
            SectionKind.Responsibilities => role.Responsibilities,
            SectionKind.Requirements => role.Requirements,
            SectionKind.NiceToHaves => role.NiceToHaves,
            SectionKind.PerformanceIndicators => role.PerformanceIndicators,
            _ => null,
        };
        return section?.Items ?? [];
    }

    /// <summary>
    /// Aligns two key sequences (positions of equal keys on one row, the others alone), keeping both orders.
    /// </summary>
    public static IReadOnlyList<(int? Left, int? Right)> AlignKeys(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        var pairs = new List<(int? Left, int? Right)>(left.Count + right.Count);
        AlignKeys(left, right, pairs);
        return pairs;
    }

    /// <summary>
    /// <see cref="AlignKeys(IReadOnlyList{int}, IReadOnlyList{int})"/> appended to <paramref name="pairs"/>: a caller that
    /// aligns many lists and reads each alignment at once (<see cref="LevelMatrix"/>, every level of every section of
    /// every compare page) reuses one list instead of a new one per alignment (issue 9).
    /// </summary>
    internal static void AlignKeys(IReadOnlyList<int> left, IReadOnlyList<int> right, List<(int? Left, int? Right)> pairs)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            for (var a = 0; a < left.Count; a++)
            {
                pairs.Add((a, null));
            }

            for (var b = 0; b < right.Count; b++)
            {
                pairs.Add((null, b));
            }

            return;
        }

        _ = TryAlignByCommonEnds(left, right, pairs) || TryAlignBySubsequence(left, right, pairs) || TryAlignByOrderedCommonKeys(left, right, pairs) || AlignByDiff(left, right, pairs);
    }

    /// <summary>
    /// The alignment when the two lists differ only in one run of bullets that one side has and the other lacks
    /// (a level that adds its own bullets after, before or amid the ones it shares). DiffPlex first pairs the
    /// common start position by position, then the common end, and marks what is left of the one side as added or
    /// removed, repeated keys or not; this does the same without running it. Null when both sides keep bullets.
    /// </summary>
    internal static List<(int? Left, int? Right)>? AlignedByCommonEnds(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        var pairs = new List<(int? Left, int? Right)>(Math.Max(left.Count, right.Count));
        return TryAlignByCommonEnds(left, right, pairs) ? pairs : null;
    }

    /// <summary><see cref="AlignedByCommonEnds"/> appended to <paramref name="pairs"/>; false (nothing appended) when it does not apply.</summary>
    private static bool TryAlignByCommonEnds(IReadOnlyList<int> left, IReadOnlyList<int> right, List<(int? Left, int? Right)> pairs)
    {
        var start = 0;
        while (start < left.Count && start < right.Count && left[start] == right[start])
        {
            start++;
        }

        int endLeft = left.Count, endRight = right.Count;
        while (endLeft > start && endRight > start && left[endLeft - 1] == right[endRight - 1])
        {
            endLeft--;
            endRight--;
        }

        if (endLeft > start && endRight > start)
        {
            return false;
        }

        for (var i = 0; i < start; i++)
        {
            pairs.Add((i, i));
        }

        for (var a = start; a < endLeft; a++)
        {
            pairs.Add((a, null));
        }

        for (var b = start; b < endRight; b++)
        {
            pairs.Add((null, b));
        }

        for (int a = endLeft, b = endRight; a < left.Count; a++, b++)
        {
            pairs.Add((a, b));
        }

        return true;
    }

    /// <summary>
    /// The alignment when every key of the shorter list appears, in order, in the longer one and the longer one has
    /// no repeated key: the usual shape of a level that extends another (its statement bullet, the inherited
    /// bullets, then its own). Then the shorter list is the one longest common subsequence and it sits at exactly one
    /// place, so this is what the diff finds (every gap holds bullets of the longer list only, so no order between
    /// deleted and inserted bullets arises), without joining and re-splitting every key and running DiffPlex once per
    /// level and section. Null for every other shape.
    /// </summary>
    internal static List<(int? Left, int? Right)>? AlignedBySubsequence(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        var pairs = new List<(int? Left, int? Right)>(Math.Max(left.Count, right.Count));
        return TryAlignBySubsequence(left, right, pairs) ? pairs : null;
    }

    /// <summary><see cref="AlignedBySubsequence"/> appended to <paramref name="pairs"/>; false (nothing appended) when it does not apply.</summary>
    private static bool TryAlignBySubsequence(IReadOnlyList<int> left, IReadOnlyList<int> right, List<(int? Left, int? Right)> pairs)
    {
        var leftIsShorter = left.Count <= right.Count;
        var (shorter, longer) = leftIsShorter ? (left, right) : (right, left);
        if (!IsSubsequence(shorter, longer) || (shorter.Count < longer.Count && !AllDistinct(longer)))
        {
            return false;
        }

        var next = 0;
        for (var i = 0; i < longer.Count; i++)
        {
            int? inShorter = null;
            if (next < shorter.Count && shorter[next] == longer[i])
            {
                inShorter = next++;
            }

            pairs.Add(leftIsShorter ? (inShorter, i) : (i, inShorter));
        }

        return true;
    }

    // Whether every key of shorter appears, in order, in longer (checked before anything is allocated: most lists that
    // reach this path are not).
    private static bool IsSubsequence(IReadOnlyList<int> shorter, IReadOnlyList<int> longer)
    {
        var next = 0;
        for (var i = 0; i < longer.Count && next < shorter.Count; i++)
        {
            if (shorter[next] == longer[i])
            {
                next++;
            }
        }

        return next == shorter.Count;
    }

    /// <summary>
    /// The alignment when neither list repeats a key and the keys both lists hold appear in the same order in both: the
    /// usual shape of a level aligned against the rows of the levels before it (the rows hold bullets the level does not
    /// inherit, the level its statement and own bullets). Then the common keys, all of them, are the one longest common
    /// subsequence (a common subsequence can use each key once, and all of them in their shared order is one), so every
    /// minimal edit script – DiffPlex's diff is one – pairs exactly them, and DiffPlex lists each gap between two pairs
    /// as its deleted (left) bullets, then its inserted (right) ones. Null for every other shape (a repeated key, or
    /// common keys in another order: then several alignments are minimal and DiffPlex's choice is its own).
    /// </summary>
    internal static List<(int? Left, int? Right)>? AlignedByOrderedCommonKeys(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        var pairs = new List<(int? Left, int? Right)>(left.Count + right.Count);
        return TryAlignByOrderedCommonKeys(left, right, pairs) ? pairs : null;
    }

    /// <summary><see cref="AlignedByOrderedCommonKeys"/> appended to <paramref name="pairs"/>; false (nothing appended) when it does not apply.</summary>
    private static bool TryAlignByOrderedCommonKeys(IReadOnlyList<int> left, IReadOnlyList<int> right, List<(int? Left, int? Right)> pairs)
    {
        // First whether the shape is this one, with this thread's scratch sets (most lists that reach this path repeat a
        // key or cross: nothing is allocated for them), then the alignment.
        var rightIndex = ScratchIndex(right.Count);
        var seen = ScratchSet(left.Count);
        for (var b = 0; b < right.Count; b++)
        {
            if (!rightIndex.TryAdd(right[b], b))
            {
                return false;
            }
        }

        var lastMatch = -1;
        foreach (var key in left)
        {
            if (!seen.Add(key))
            {
                return false;
            }

            if (rightIndex.TryGetValue(key, out var match))
            {
                if (match < lastMatch)
                {
                    return false;
                }

                lastMatch = match;
            }
        }

        int nextLeft = 0, nextRight = 0;
        for (var a = 0; a < left.Count; a++)
        {
            if (!rightIndex.TryGetValue(left[a], out var match))
            {
                continue;
            }

            for (; nextLeft < a; nextLeft++)
            {
                pairs.Add((nextLeft, null));
            }

            for (; nextRight < match; nextRight++)
            {
                pairs.Add((null, nextRight));
            }

            pairs.Add((a, match));
            nextLeft = a + 1;
            nextRight = match + 1;
        }

        for (; nextLeft < left.Count; nextLeft++)
        {
            pairs.Add((nextLeft, null));
        }

        for (; nextRight < right.Count; nextRight++)
        {
            pairs.Add((null, nextRight));
        }

        return true;
    }

    /// <summary>
    /// The alignment DiffPlex finds (a longest common subsequence of the keys as lines; each key spelled as a short
    /// piece, <see cref="KeyPieces"/>, which gives the diff of the keys themselves).
    /// </summary>
    internal static List<(int? Left, int? Right)> AlignByDiff(IReadOnlyList<int> left, IReadOnlyList<int> right)
    {
        var pairs = new List<(int? Left, int? Right)>(left.Count + right.Count);
        AlignByDiff(left, right, pairs);
        return pairs;
    }

    /// <summary><see cref="AlignByDiff(IReadOnlyList{int}, IReadOnlyList{int})"/> appended to <paramref name="pairs"/> (true: it always applies).</summary>
    private static bool AlignByDiff(IReadOnlyList<int> left, IReadOnlyList<int> right, List<(int? Left, int? Right)> pairs)
    {
        var diff = Differ.Instance.CreateDiffs(KeyPieces.LeftText, KeyPieces.RightText, ignoreWhiteSpace: false, ignoreCase: false, new KeyPieces(left, right));
        int a = 0, b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                pairs.Add((a, b));
            }

            for (; a < block.DeleteStartA + block.DeleteCountA; a++)
            {
                pairs.Add((a, null));
            }

            for (; b < block.InsertStartB + block.InsertCountB; b++)
            {
                pairs.Add((null, b));
            }
        }

        for (; a < left.Count && b < right.Count; a++, b++)
        {
            pairs.Add((a, b));
        }

        return true;
    }

    [ThreadStatic]
    private static Dictionary<int, int>? scratchIndex;

    [ThreadStatic]
    private static HashSet<int>? scratchSeen;

    // This thread's map or set, empty, for a list of up to a section's usual size; a fresh one for a longer list, so a
    // thread does not keep (and clear on every call) the room one very long list needed.
    private static Dictionary<int, int> ScratchIndex(int count)
    {
        if (count > ScratchLimit)
        {
            return new Dictionary<int, int>(count);
        }

        var index = scratchIndex ??= [];
        index.Clear();
        return index;
    }

    private static HashSet<int> ScratchSet(int count)
    {
        if (count > ScratchLimit)
        {
            return new HashSet<int>(count);
        }

        var set = scratchSeen ??= [];
        set.Clear();
        return set;
    }

    private const int ScratchLimit = 1024;

    private static bool AllDistinct(IReadOnlyList<int> keys)
    {
        var seen = ScratchSet(keys.Count);
        foreach (var key in keys)
        {
            if (!seen.Add(key))
            {
                return false;
            }
        }

        return true;
    }
}
