namespace Handbook.Site.Tests.Compare;

using System.Globalization;
using DiffPlex;
using DiffPlex.Chunkers;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Text;
using Handbook.Site.Compare;

/// <summary>
/// The compare alignment as it was before keys became numbers (issue 9): every bullet's key made with
/// <see cref="ItemKey.Of"/>, the keys joined into lines and diffed by DiffPlex, and the matrix built by aligning each
/// level against the rows so far. Kept here as the oracle the numbered alignment must equal.
/// </summary>
internal static class StringKeyAlignmentOracle
{
    /// <summary>DiffPlex's alignment of two non-empty key lists (keys without line breaks).</summary>
    public static List<(int? Left, int? Right)> AlignByDiff(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var diff = Differ.Instance.CreateDiffs(string.Join('\n', left), string.Join('\n', right), ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var pairs = new List<(int? Left, int? Right)>();
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

        return pairs;
    }

    /// <summary>The old string-key alignment: empty sides first, then DiffPlex (the fast paths always equalled it).</summary>
    public static List<(int? Left, int? Right)> AlignKeys(IReadOnlyList<string> left, IReadOnlyList<string> right) =>
        left.Count == 0 || right.Count == 0
            ? [.. left.Select((_, i) => ((int?)i, (int?)null)), .. right.Select((_, i) => ((int?)null, (int?)i))]
            : AlignByDiff(left, right);

    /// <summary>The rows of one section kind, each level aligned against the rows so far, as <c>LevelMatrix</c> built them.</summary>
    public static List<Item?[]> Rows(IReadOnlyList<Role> levels, SectionKind kind)
    {
        var rows = new List<Item?[]>();
        var keys = new List<string>();
        for (var level = 0; level < levels.Count; level++)
        {
            var items = LevelComparison.ItemsOf(levels[level], kind);
            var side = "L" + level.ToString(CultureInfo.InvariantCulture) + ":";
            var itemKeys = items.Select((item, i) => ItemKey.Of(item.Text) is { Length: > 0 } key ? key : "\u0001" + side + i.ToString(CultureInfo.InvariantCulture)).ToList();
            var merged = new List<Item?[]>();
            var mergedKeys = new List<string>();
            foreach (var (row, item) in AlignKeys(keys, itemKeys))
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
