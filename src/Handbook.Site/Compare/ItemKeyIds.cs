namespace Handbook.Site.Compare;

using System.Runtime.InteropServices;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Text;

/// <summary>
/// Numbers bullets by their comparison key: two bullets get the same number exactly when their keys
/// (<see cref="ItemKey"/>) are equal, and a bullet without letters or digits gets a number of its own, so it never
/// matches another. One numbering is shared by every list it numbers (one per compare page), so the lists are aligned
/// by comparing numbers instead of key strings, and no key string is made (<see cref="ItemKeyEqualityComparer"/>).
/// </summary>
public sealed class ItemKeyIds(int capacity = 0)
{
    // A thread keeps one numbering for pages of up to this many distinct keys (its map is then ≈ 30 KB); a page that
    // needs more gets a fresh one, so no thread keeps (and clears for every page) the room of one very large family.
    internal const int ScratchLimit = 1024;

    [ThreadStatic]
    private static ItemKeyIds? scratch;

    private readonly Dictionary<string, int> _ids = new(capacity, ItemKeyEqualityComparer.Instance);
    private int _next;

    /// <summary>
    /// This thread's numbering, emptied: it numbers from 0 again, exactly as a new one would. A compare page numbers
    /// its bullets and is done with them before the next page is aligned on the thread, so the map (≈ 8 KB per page,
    /// 9 MiB at synthetic N = 1000) is made once per thread instead of once per page (issue 9). A page of more than
    /// <see cref="ScratchLimit"/> keys (<paramref name="capacity"/>, an estimate) gets a new numbering of its own.
    /// </summary>
    public static ItemKeyIds ForThisThread(int capacity)
    {
        if (capacity > ScratchLimit)
        {
            return new ItemKeyIds(capacity);
        }

        // Grown past the limit by a page whose estimate was short: made again rather than kept at that size.
        if (scratch is null || scratch._ids.EnsureCapacity(0) > 2 * ScratchLimit)
        {
            scratch = new ItemKeyIds(ScratchLimit);
        }

        scratch.Clear();
        return scratch;
    }

    /// <summary>The number of each bullet, in list order.</summary>
    public int[] Of(IReadOnlyList<Item> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = new int[items.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = IdOf(items[i].Text);
        }

        return ids;
    }

    /// <summary>The number of each bullet, in list order, appended to <paramref name="ids"/> (a reused list, <see cref="MatrixScratch"/>).</summary>
    internal void Of(IReadOnlyList<Item> items, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(ids);
        for (var i = 0; i < items.Count; i++)
        {
            ids.Add(IdOf(items[i].Text));
        }
    }

    /// <summary>The number of one bullet text.</summary>
    public int IdOf(string text)
    {
        if (!ItemKey.HasKey(text))
        {
            return _next++;
        }

        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, text, out var exists);
        if (!exists)
        {
            id = _next++;
        }

        return id;
    }

    private void Clear()
    {
        _ids.Clear();
        _next = 0;
    }
}
