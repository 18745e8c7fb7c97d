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

    /// <summary>
    /// The positions 0 … <paramref name="count"/> − 1 in ascending order of <paramref name="comparison"/> (which
    /// compares two positions); positions it calls equal keep their order. For items that are value types (a list of
    /// tuples): sort their positions, then read the items in that order.
    /// </summary>
    public static List<int> Positions(int count, Comparison<int> comparison)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(comparison);
        var positions = new int[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = i;
        }

        if (count > 1)
        {
            MergeSortPositions(positions, new int[count], 0, count, comparison);
        }

        return [.. positions];
    }

    /// <summary>What <c>OrderBy(...).FirstOrDefault()</c> gives: the least item, the first of equal ones; null when empty.</summary>
    public static T? FirstOrDefault<T>(IEnumerable<T> items, Comparison<T> comparison)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(comparison);
        T? least = null;
        foreach (var item in items)
        {
            if (least is null || comparison(item, least) < 0)
            {
                least = item;
            }
        }

        return least;
    }

    /// <summary>What <c>OrderBy(...).LastOrDefault()</c> gives: the greatest item, the last of equal ones; null when empty.</summary>
    public static T? LastOrDefault<T>(IEnumerable<T> items, Comparison<T> comparison)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(comparison);
        T? greatest = null;
        foreach (var item in items)
        {
            if (greatest is null || comparison(item, greatest) >= 0)
            {
                greatest = item;
            }
        }

        return greatest;
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

    // The same merge sort over positions (not generic: one method the image holds).
    private static void MergeSortPositions(int[] items, int[] scratch, int start, int end, Comparison<int> comparison)
    {
        if (end - start < 2)
        {
            return;
        }

        var middle = start + ((end - start) / 2);
        MergeSortPositions(items, scratch, start, middle, comparison);
        MergeSortPositions(items, scratch, middle, end, comparison);
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
