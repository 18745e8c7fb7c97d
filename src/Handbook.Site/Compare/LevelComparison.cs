namespace Handbook.Site.Compare;

using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using Handbook.JobFamilies.Model;

/// <summary>
/// Puts two roles side by side, section by section, with equal bullets on one row. Bullets are matched by their
/// normalised text (letters and digits, lower case – the key the extends pass de-duplicates with), and aligned
/// with DiffPlex as a longest common subsequence, so both columns keep their page order: a bullet one level
/// inherits from the other, or that both copy, shares a row; the rest get a row of their own.
/// </summary>
public sealed record LevelComparison(Role Left, Role Right, IReadOnlyList<ComparedSection> Sections)
{
    /// <summary>The sections compared, in the order a job description lists them.</summary>
    public static readonly IReadOnlyList<SectionKind> Kinds =
        [SectionKind.Responsibilities, SectionKind.Requirements, SectionKind.NiceToHaves, SectionKind.PerformanceIndicators];

    /// <summary>Compares two roles; sections neither role has are left out.</summary>
    public static LevelComparison Of(Role left, Role right)
    {
        var sections = Kinds
            .Select(kind => new ComparedSection(kind, Align(ItemsOf(left, kind), ItemsOf(right, kind))))
            .Where(s => s.Rows.Count > 0)
            .ToList();
        return new LevelComparison(left, right, sections);
    }

    /// <summary>Aligns two bullet lists; every bullet of each list appears exactly once, in its list's order.</summary>
    public static IReadOnlyList<ComparedRow> Align(IReadOnlyList<Item> left, IReadOnlyList<Item> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return [.. left.Select(i => new ComparedRow(i, null)), .. right.Select(i => new ComparedRow(null, i))];
        }

        var diff = Differ.Instance.CreateDiffs(Keys(left, "L"), Keys(right, "R"), ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var rows = new List<ComparedRow>();
        int a = 0, b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                rows.Add(new ComparedRow(left[a], right[b]));
            }

            for (; a < block.DeleteStartA + block.DeleteCountA; a++)
            {
                rows.Add(new ComparedRow(left[a], null));
            }

            for (; b < block.InsertStartB + block.InsertCountB; b++)
            {
                rows.Add(new ComparedRow(null, right[b]));
            }
        }

        for (; a < left.Count && b < right.Count; a++, b++)
        {
            rows.Add(new ComparedRow(left[a], right[b]));
        }

        return rows;
    }

    private static IReadOnlyList<Item> ItemsOf(Role role, SectionKind kind)
    {
        var section = kind switch
        {
            SectionKind.Responsibilities => role.Responsibilities,
            SectionKind.Requirements => role.Requirements,
            SectionKind.NiceToHaves => role.NiceToHaves,
            SectionKind.PerformanceIndicators => role.PerformanceIndicators,
            _ => null,
        };
        return section?.Items ?? [];
    }

    // One key per line. A bullet without letters or digits keeps a key of its own, so it never matches another.
    private static string Keys(IReadOnlyList<Item> items, string side) =>
        string.Join('\n', items.Select((item, i) => Key(item.Text) is { Length: > 0 } key ? key : "\u0001" + side + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Letters and digits only, lower case: "Own the *weekly* plan." and "own the weekly plan" match.</summary>
    public static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }
}
