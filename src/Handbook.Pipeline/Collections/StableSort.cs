namespace Handbook.Pipeline.Collections;

/// <summary>
/// A stable sort of reference-type items by a comparison: what <c>OrderBy(...).ThenBy(...)</c> gives (equal items keep
/// their order), without LINQ's sorter.
/// </summary>
/// <remarks>
/// Why not <c>OrderBy</c>: LINQ's sorter is a generic class per key type (<c>EnumerableSorter&lt;T, TKey&gt;</c>) reached
/// through virtual calls, so for a value-type key (<c>int</c>, <c>bool</c>, <c>decimal?</c>, a grade id, a tuple) the
/// composite ReadyToRun image has no code for it and every build JIT-compiles it at tier 0 (issue 9: ≈ 10 methods per
/// key type, ≈ 45 for one tuple-of-value-types sort). This sort is one method over reference types, which the image
/// holds in its shared (canonical) form. A merge sort: stable by construction, O(n log n), one scratch array.
/// </remarks>
public static class StableSort
{
    /// <summary>The items in ascending order of <paramref name="comparison"/>; items it calls equal keep their order.</summary>
    public static List<T> ToSortedList<T>(IEnumerable<T> items, Comparison<T> comparison)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(comparison);
        var sorted = items.ToArray();
        if (sorted.Length > 1)
        {
            MergeSort(sorted, new T[sorted.Length], 0, sorted.Length, comparison);
        }

        return [.. sorted];
    }

    // Sorts items[start..end) using scratch[start..end); a run's left half wins ties, which keeps the sort stable.
    private static void MergeSort<T>(T[] items, T[] scratch, int start, int end, Comparison<T> comparison)
        where T : class
    {
        if (end - start < 2)
        {
            return;
        }

        var middle = start + ((end - start) / 2);
        MergeSort(items, scratch, start, middle, comparison);
        MergeSort(items, scratch, middle, end, comparison);
        if (comparison(items[middle - 1], items[middle]) <= 0)
        {
            return; // already in order: the common case for input that was sorted before
        }

        Array.Copy(items, start, scratch, start, end - start);
        int left = start, right = middle, target = start;
        while (left < middle && right < end)
        {
            items[target++] = comparison(scratch[right], scratch[left]) < 0 ? scratch[right++] : scratch[left++];
        }

        while (left < middle)
        {
            items[target++] = scratch[left++];
        }

        while (right < end)
        {
            items[target++] = scratch[right++];
        }
    }
}
