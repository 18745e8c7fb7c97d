namespace Handbook.JobFamilies.Reuse;

/// <summary>
/// Decides which family pages a build with a stored state must build again (issue 9, per-family reuse). With the
/// build-wide key unchanged (the caller checks it: tool, settings, theme, grade table, partials, data):
/// <list type="number">
/// <item>R0: the families whose text changed, and every page without a stored state (the previous build stored none
/// for it: its body was not rendered before the theme). ERB pages are restored like the others: what their expansion
/// reads besides their own text is either in the build-wide key (partials, data) or the other pages' paths and front
/// matter titles (<c>job_families</c>), and a rebuilt family whose title changed abandons the partial build
/// (<see cref="FamilySignature"/>); a diagnostic located in a partial makes the previous build store no usable index;</item>
/// <item>R1: R0 and every family whose stored targets reach a family of R0 (its inherited bullets may change);</item>
/// <item>R: R1 and every stored target of a family of R1, because expanding extends copies bullets out of the targets'
/// trees and finds the statements of the families it reaches in theirs, and a restored family has no tree.</item>
/// </list>
/// A different set of family pages (one added, deleted or renamed) is a full build: listings, lookups and every
/// page's navigation change with it.
/// </summary>
public static class RebuildPlanner
{
    /// <param name="stored">What the previous build recorded, per family.</param>
    /// <param name="currentTextHashes">Source path → hash of the text of each family page of this build.</param>
    /// <param name="unstoredPages">The source paths of the family pages the previous build stored no state for.</param>
    public static RebuildPlan Plan(IReadOnlyList<StoredFamilyRecord> stored, IReadOnlyDictionary<string, string> currentTextHashes, IReadOnlySet<string> unstoredPages)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(currentTextHashes);
        ArgumentNullException.ThrowIfNull(unstoredPages);
        var records = new Dictionary<string, StoredFamilyRecord>(StringComparer.Ordinal);
        foreach (var record in stored)
        {
            if (!records.TryAdd(record.SourcePath, record))
            {
                return RebuildPlan.Full("the stored state names a family twice", currentTextHashes.Keys);
            }
        }

        if (records.Count != currentTextHashes.Count || !currentTextHashes.Keys.All(records.ContainsKey))
        {
            return RebuildPlan.Full("the set of family pages changed", currentTextHashes.Keys);
        }

        var changed = currentTextHashes
            .Where(pair => !string.Equals(records[pair.Key].TextHash, pair.Value, StringComparison.Ordinal) || unstoredPages.Contains(pair.Key))
            .Select(pair => pair.Key)
            .ToHashSet(StringComparer.Ordinal);
        var reach = records.Keys.ToDictionary(path => path, path => Reachable(path, records), StringComparer.Ordinal);
        var rebuild = reach
            .Where(pair => changed.Contains(pair.Key) || pair.Value.Overlaps(changed))
            .Select(pair => pair.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var inheritor in rebuild.ToList())
        {
            rebuild.UnionWith(reach[inheritor]);
        }

        var restore = records.Keys.Where(path => !rebuild.Contains(path)).ToHashSet(StringComparer.Ordinal);
        return RebuildPlan.Partial(rebuild, restore);
    }

    /// <summary>The families <paramref name="path"/>'s stored targets reach, directly or through others (not itself); targets that are no family of this build are left out.</summary>
    private static HashSet<string> Reachable(string path, Dictionary<string, StoredFamilyRecord> records)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { path };
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([path]);
        while (pending.TryPop(out var next))
        {
            foreach (var target in records[next].Targets)
            {
                if (records.ContainsKey(target) && seen.Add(target))
                {
                    found.Add(target);
                    pending.Push(target);
                }
            }
        }

        return found;
    }
}
