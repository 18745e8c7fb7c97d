namespace Handbook.Site.Compare;

using Handbook.JobFamilies.Model;

/// <summary>
/// All levels of a family aligned at once, section by section: one row per distinct bullet, one column per level.
/// Built by aligning each level in turn against the rows so far (<see cref="LevelComparison.AlignKeys"/>), so
/// every column keeps its page order and a bullet a level inherits sits on the row of its origin. Any pair of
/// levels is then the rows where either has a bullet (<see cref="Pair"/>), which lets the compare page hold one
/// table per section instead of one per pair.
/// </summary>
public sealed record LevelMatrix(IReadOnlyList<Role> Levels, IReadOnlyList<ComparedSection> Sections)
{
    public static LevelMatrix Of(IReadOnlyList<Role> levels)
    {
        // Room for about as many distinct bullets as the longest level lists: the highest levels usually inherit
        // the others', so the family has little more than that (all of every level would be twice to four times it).
        var longest = levels.Count == 0 ? 0 : levels.Max(level => LevelComparison.Kinds.Sum(kind => LevelComparison.ItemsOf(level, kind).Count));
        var ids = ItemKeyIds.ForThisThread(longest + (longest / 4));
        var scratch = MatrixScratch.ForThisThread();
        var sections = new List<ComparedSection>(LevelComparison.Kinds.Count);
        foreach (var kind in LevelComparison.Kinds)
        {
            var rows = RowsOf(levels, kind, ids, scratch);
            if (rows.Count > 0)
            {
                sections.Add(new ComparedSection(kind, rows));
            }
        }

        scratch.Release();
        return new LevelMatrix(levels, sections);
    }

    /// <summary>Two levels side by side: per section, the rows where either lists a bullet (sections neither has are left out).</summary>
    public IReadOnlyList<(SectionKind Kind, IReadOnlyList<ComparedRow> Rows)> Pair(int left, int right) =>
        Sections
            .Select(s => (s.Kind, (IReadOnlyList<ComparedRow>)s.Rows.Select(r => r.Pair(left, right)).OfType<ComparedRow>().ToList()))
            .Where(s => s.Item2.Count > 0)
            .ToList();

    // Each level in turn aligned against the rows so far; the merged rows replace them (the scratch lists swap).
    private static List<MatrixRow> RowsOf(IReadOnlyList<Role> levels, SectionKind kind, ItemKeyIds ids, MatrixScratch scratch)
    {
        scratch.ClearAll();
        for (var level = 0; level < levels.Count; level++)
        {
            var items = LevelComparison.ItemsOf(levels[level], kind);
            var rows = scratch.Rows;
            var keys = scratch.Keys;
            var itemKeys = scratch.LevelKeys;
            itemKeys.Clear();
            ids.Of(items, itemKeys);
            var pairs = scratch.Pairs;
            pairs.Clear();
            LevelComparison.AlignKeys(keys, itemKeys, pairs);
            var merged = scratch.NextRows;
            var mergedKeys = scratch.NextKeys;
            foreach (var (row, item) in pairs)
            {
                var cells = row is { } r ? rows[r] : new Item?[levels.Count];
                if (item is { } i)
                {
                    cells[level] = items[i];
                }

                merged.Add(cells);
                mergedKeys.Add(row is { } existing ? keys[existing] : itemKeys[item!.Value]);
            }

            scratch.SwapRows();
        }

        var result = new List<MatrixRow>(scratch.Rows.Count);
        foreach (var cells in scratch.Rows)
        {
            result.Add(new MatrixRow(cells));
        }

        return result;
    }
}
