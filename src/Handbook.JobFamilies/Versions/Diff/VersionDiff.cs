namespace Handbook.JobFamilies.Versions.Diff;

using System.Globalization;
using DiffPlex;
using DiffPlex.Chunkers;

/// <summary>
/// Compares two versions' models: roles are matched by name and sections by title (both case-insensitively);
/// the items of a section are diffed with DiffPlex (one item per line), so an inserted item is reported once
/// instead of shifting every item after it. A block of n removed items replaced by n new ones is reported as n
/// reworded items; other blocks as added/removed items. Grade changes are compared numerically ("9.0" = "9").
/// </summary>
public static class VersionDiff
{
    public static VersionDiffResult Compare(VersionModel older, VersionModel newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var oldRoles = ByName(older.Roles, r => r.Name);
        var newNames = new HashSet<string>(newer.Roles.Select(r => r.Name), StringComparer.OrdinalIgnoreCase);
        var result = new List<RoleDiff>();

        foreach (var role in newer.Roles)
        {
            if (!oldRoles.TryGetValue(role.Name, out var before))
            {
                result.Add(WholeRole(role, ChangeKind.Added));
                continue;
            }

            var grade = SameGrade(before.Grade, role.Grade) ? null : new GradeChange(before.Grade, role.Grade);
            var sections = CompareSections(before.Sections, role.Sections);
            if (grade is not null || sections.Count > 0)
            {
                result.Add(new RoleDiff(role.Name, ChangeKind.Changed, grade, sections));
            }
        }

        foreach (var role in older.Roles.Where(r => !newNames.Contains(r.Name)))
        {
            result.Add(WholeRole(role, ChangeKind.Removed));
        }

        return new VersionDiffResult(result);
    }

    private static RoleDiff WholeRole(RoleModel role, ChangeKind kind)
    {
        var sections = role.Sections
            .Where(s => s.Items.Count > 0)
            .Select(s => kind == ChangeKind.Added
                ? new SectionDiff(s.Title, kind, s.Items, [], [])
                : new SectionDiff(s.Title, kind, [], s.Items, []))
            .ToList();
        var grade = role.Grade is null ? null
            : kind == ChangeKind.Added ? new GradeChange(null, role.Grade) : new GradeChange(role.Grade, null);
        return new RoleDiff(role.Name, kind, grade, sections);
    }

    private static List<SectionDiff> CompareSections(IReadOnlyList<SectionModel> older, IReadOnlyList<SectionModel> newer)
    {
        var oldSections = ByName(older, s => s.Title);
        var newTitles = new HashSet<string>(newer.Select(s => s.Title), StringComparer.OrdinalIgnoreCase);
        var result = new List<SectionDiff>();
        foreach (var section in newer)
        {
            if (!oldSections.TryGetValue(section.Title, out var before))
            {
                result.Add(new SectionDiff(section.Title, ChangeKind.Added, section.Items, [], []));
                continue;
            }

            var diff = CompareItems(section.Title, before.Items, section.Items);
            if (diff is not null)
            {
                result.Add(diff);
            }
        }

        result.AddRange(older
            .Where(s => !newTitles.Contains(s.Title))
            .Select(s => new SectionDiff(s.Title, ChangeKind.Removed, [], s.Items, [])));
        return result;
    }

    // Most sections are the same in consecutive versions, and the same items give DiffPlex nothing to report (no
    // block): they are not joined and diffed at all (issue 9: the diff showed as DiffPlex's line splitting).
    private static SectionDiff? CompareItems(string title, IReadOnlyList<string> older, IReadOnlyList<string> newer) =>
        older.SequenceEqual(newer, StringComparer.Ordinal) ? null : CompareItemsByDiff(title, older, newer);

    internal static SectionDiff? CompareItemsByDiff(string title, IReadOnlyList<string> older, IReadOnlyList<string> newer)
    {
        // One item per line; items are already whitespace-collapsed, a stray newline would split one.
        var oldText = string.Join('\n', older.Select(OneLine));
        var newText = string.Join('\n', newer.Select(OneLine));
        var diff = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: true, ignoreCase: false, LineChunker.Instance);
        var added = new List<string>();
        var removed = new List<string>();
        var changed = new List<ItemChange>();
        foreach (var block in diff.DiffBlocks)
        {
            var deleted = Enumerable.Range(block.DeleteStartA, block.DeleteCountA).Select(i => diff.PiecesOld[i]).ToList();
            var inserted = Enumerable.Range(block.InsertStartB, block.InsertCountB).Select(i => diff.PiecesNew[i]).ToList();
            if (deleted.Count == inserted.Count)
            {
                changed.AddRange(deleted.Zip(inserted, (o, n) => new ItemChange(o, n)));
            }
            else
            {
                removed.AddRange(deleted);
                added.AddRange(inserted);
            }
        }

        return added.Count + removed.Count + changed.Count == 0
            ? null
            : new SectionDiff(title, ChangeKind.Changed, added, removed, changed);
    }

    private static string OneLine(string item) => item.ReplaceLineEndings(" ");

    private static bool SameGrade(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y)
                ? x == y
                : string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    // First occurrence wins when a page repeats a name (the diff then treats the repeat as new/removed).
    private static Dictionary<string, T> ByName<T>(IEnumerable<T> items, Func<T, string> name)
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            map.TryAdd(name(item), item);
        }

        return map;
    }
}
