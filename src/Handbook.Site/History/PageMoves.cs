namespace Handbook.Site.History;

/// <summary>
/// Pairs the pages a commit deleted with the pages it added as moves that git's rename detection missed (the page
/// changed too much while moving, or the rename limit was hit): first by identical content (blob), then by the same
/// family name in another department (<see cref="FamilyPagePath.MoveKey"/>). Only unambiguous pairs are taken – a key
/// that exactly one deleted and exactly one added page have – and paired pages are removed from both lists.
/// </summary>
/// <remarks>
/// Loops over dictionaries of strings, not LINQ groupings of value tuples: those were compiled at run time in every
/// versioned build (≈ 6 ms of JIT and type loading for a few list operations per commit; issue 9). The pairs and
/// their order are the ones the groupings gave: added pages in list order, blob keys before move keys.
/// </remarks>
public static class PageMoves
{
    /// <summary>A deleted page and the added page it moved to.</summary>
    public sealed record Move(PageBlob From, PageBlob To);

    /// <summary>The moves among <paramref name="deleted"/> and <paramref name="added"/>, which lose the paired pages.</summary>
    public static List<Move> Pair(List<PageBlob> deleted, List<PageBlob> added)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        ArgumentNullException.ThrowIfNull(added);
        var moves = new List<Move>();
        PairBy(deleted, added, byBlob: true, moves);
        PairBy(deleted, added, byBlob: false, moves);
        return moves;
    }

    private static void PairBy(List<PageBlob> deleted, List<PageBlob> added, bool byBlob, List<Move> moves)
    {
        if (deleted.Count == 0 || added.Count == 0)
        {
            return;
        }

        // Key → the deleted page, for the keys exactly one deleted page has.
        var gone = new Dictionary<string, PageBlob>(StringComparer.Ordinal);
        foreach (var page in UniqueInOrder(deleted, byBlob))
        {
            gone.Add(KeyOf(page, byBlob), page);
        }

        foreach (var to in UniqueInOrder(added, byBlob))
        {
            if (gone.TryGetValue(KeyOf(to, byBlob), out var from))
            {
                moves.Add(new Move(from, to));
                deleted.Remove(from);
                added.Remove(to);
            }
        }
    }

    // The pages whose key no other page has, in list order (taken before any is removed).
    private static List<PageBlob> UniqueInOrder(List<PageBlob> pages, bool byBlob)
    {
        var counts = Counts(pages, byBlob);
        var unique = new List<PageBlob>(pages.Count);
        foreach (var page in pages)
        {
            if (counts[KeyOf(page, byBlob)] == 1)
            {
                unique.Add(page);
            }
        }

        return unique;
    }

    private static Dictionary<string, int> Counts(List<PageBlob> pages, bool byBlob)
    {
        var counts = new Dictionary<string, int>(pages.Count, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var key = KeyOf(page, byBlob);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static string KeyOf(PageBlob page, bool byBlob) => byBlob ? page.Blob : FamilyPagePath.MoveKey(page.Path);
}
