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
    private readonly Dictionary<string, int> _ids = new(capacity, ItemKeyEqualityComparer.Instance);
    private int _next;

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
}
