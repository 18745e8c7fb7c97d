namespace Handbook.Site.Versions;

using System.Globalization;
using Handbook.JobFamilies.Versions;
using Handbook.JobFamilies.Versions.Diff;
using Handbook.Site.Versions.Views;

/// <summary>
/// What changed between consecutive versions of a family, for the history page, the recent-changes page and the
/// feed: <see cref="VersionDiff"/> over the expanded models (inherited items included, as readers see them).
/// </summary>
public static class HistoryChanges
{
    /// <summary>The diff of each version against the one before it (null for the oldest one); versions newest first.</summary>
    public static IReadOnlyList<VersionDiffResult?> Diffs(IReadOnlyList<PageVersion> versions, IReadOnlyDictionary<PageVersion, HistoricContent> contents)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(contents);
        var diffs = new VersionDiffResult?[versions.Count];
        for (var i = 0; i < versions.Count - 1; i++)
        {
            if (contents.TryGetValue(versions[i + 1], out var older) && contents.TryGetValue(versions[i], out var newer))
            {
                diffs[i] = VersionDiff.Compare(older.Model, newer.Model);
            }
        }

        return diffs;
    }

    /// <summary>Each grade change as "Senior Analyst: grade 7 → 8".</summary>
    public static IReadOnlyList<string> GradeChanges(VersionDiffResult? diff) =>
        diff is null ? [] : diff.Roles.Where(r => r.Kind == ChangeKind.Changed && r.Grade is not null).Select(r => r.Role + ": " + r.Grade!.Describe()).ToList();

    public static IReadOnlyList<RoleChangeView> Roles(VersionDiffResult? diff) =>
        diff is null ? [] : diff.Roles.Select(r => new RoleChangeView(
            r.Role,
            KindOf(r.Kind),
            r.Grade?.Describe(),
            r.Sections.Select(s => new SectionChangeView(s.Section, KindOf(s.Kind), s.Added, s.Removed, s.Changed.Select(c => new ItemChangeView(c.Old, c.New)).ToList())).ToList())).ToList();

    /// <summary>One line for lists and the feed: "2 items added, 1 removed; grade changes: …" or "first version".</summary>
    public static string Summary(VersionDiffResult? diff, bool isFirst)
    {
        if (diff is null)
        {
            return isFirst ? "first version" : "changes not available";
        }

        var parts = new List<string>();
        Count(parts, diff.Roles.Count(r => r.Kind == ChangeKind.Added), "role added", "roles added");
        Count(parts, diff.Roles.Count(r => r.Kind == ChangeKind.Removed), "role removed", "roles removed");
        var sections = diff.Roles.Where(r => r.Kind == ChangeKind.Changed).SelectMany(r => r.Sections).ToList();
        Count(parts, sections.Sum(s => s.Added.Count), "item added", "items added");
        Count(parts, sections.Sum(s => s.Removed.Count), "item removed", "items removed");
        Count(parts, sections.Sum(s => s.Changed.Count), "item reworded", "items reworded");
        parts.AddRange(GradeChanges(diff));
        return parts.Count == 0 ? "wording outside the levels' lists changed" : string.Join("; ", parts);
    }

    private static void Count(List<string> parts, int n, string one, string many)
    {
        if (n > 0)
        {
            parts.Add(n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many));
        }
    }

    private static string KindOf(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => "changed",
    };
}
