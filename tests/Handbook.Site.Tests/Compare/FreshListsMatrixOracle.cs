namespace Handbook.Site.Tests.Compare;

using Handbook.JobFamilies.Model;
using Handbook.Site.Compare;

/// <summary>
/// <see cref="LevelMatrix.Of"/> as it was before it reused the thread's lists (<c>MatrixScratch</c>) and numbering:
/// new lists for every level, a new numbering per family, and the alignment as a new list. The oracle for
/// <see cref="MatrixScratchTests"/>.
/// </summary>
internal static class FreshListsMatrixOracle
{
    public static List<(SectionKind Kind, List<Item?[]> Rows)> Of(IReadOnlyList<Role> levels)
    {
        var ids = new ItemKeyIds();
        return LevelComparison.Kinds
            .Select(kind => (kind, RowsOf(levels, kind, ids)))
            .Where(s => s.Item2.Count > 0)
            .ToList();
    }

    private static List<Item?[]> RowsOf(IReadOnlyList<Role> levels, SectionKind kind, ItemKeyIds ids)
    {
        var rows = new List<Item?[]>();
        var keys = new List<int>();
        for (var level = 0; level < levels.Count; level++)
        {
            var items = LevelComparison.ItemsOf(levels[level], kind);
            var itemKeys = ids.Of(items);
            var merged = new List<Item?[]>(rows.Count + itemKeys.Length);
            var mergedKeys = new List<int>(rows.Count + itemKeys.Length);
            foreach (var (row, item) in LevelComparison.AlignKeys(keys, itemKeys))
            {
                var cells = row is { } r ? rows[r] : new Item?[levels.Count];
                if (item is { } i)
                {
                    cells[level] = items[i];
                }

                merged.Add(cells);
                mergedKeys.Add(row is { } existing ? keys[existing] : itemKeys[item!.Value]);
            }

            rows = merged;
            keys = mergedKeys;
        }

        return rows;
    }
}
