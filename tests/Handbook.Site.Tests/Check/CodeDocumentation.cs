namespace Handbook.Site.Tests.Check;

using System.Text.RegularExpressions;
using Handbook.Testing;

/// <summary>
/// Reads where README.md documents a diagnostic code with an example and a fix. Two forms count:
/// <list type="bullet">
/// <item>a table row whose first cell is the code, in a table with an "example" and a "fix" column, both cells filled;</item>
/// <item>a heading naming the code (<c>#### IO001 – binary file</c>) whose section holds a fenced example and a
/// paragraph starting with "Fix".</item>
/// </list>
/// Besides README.md, the <c>docs/readme-*.md</c> files count: they are README sections waiting to be merged into it.
/// </summary>
public static partial class CodeDocumentation
{
    public static IReadOnlyList<string> Files()
    {
        var docs = Path.Combine(SharedCorpus.RepositoryRoot, "docs");
        IEnumerable<string> pending = Directory.Exists(docs) ? Directory.EnumerateFiles(docs, "readme-*.md").Order(StringComparer.Ordinal) : [];
        return [Path.Combine(SharedCorpus.RepositoryRoot, "README.md"), .. pending];
    }

    /// <summary>The codes documented with an example and a fix in <paramref name="markdown"/>.</summary>
    public static IReadOnlySet<string> DocumentedCodes(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var codes = new HashSet<string>(StringComparer.Ordinal);
        codes.UnionWith(FromTables(lines));
        codes.UnionWith(FromHeadings(lines));
        return codes;
    }

    private static IEnumerable<string> FromTables(string[] lines)
    {
        int? example = null, fix = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith('|'))
            {
                example = fix = null;
                continue;
            }

            var cells = Cells(lines[i]);
            if (example is null && i + 1 < lines.Length && Separator().IsMatch(lines[i + 1]))
            {
                var header = cells.Select(c => c.ToLowerInvariant()).ToList();
                example = header.FindIndex(c => c.Contains("example", StringComparison.Ordinal));
                fix = header.FindIndex(c => c.Contains("fix", StringComparison.Ordinal));
                i++;
                continue;
            }

            if (example is >= 0 && fix is >= 0 && cells.Count > Math.Max(example.Value, fix.Value)
                && Code().Match(cells[0].Trim('`', ' ')) is { Success: true } match && match.Value.Length == cells[0].Trim('`', ' ').Length
                && cells[example.Value].Length > 0 && cells[fix.Value].Length > 0)
            {
                yield return match.Value;
            }
        }
    }

    private static IEnumerable<string> FromHeadings(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith('#'))
            {
                continue;
            }

            var section = lines.Skip(i + 1).TakeWhile(l => !l.StartsWith('#')).ToList();
            var hasExample = section.Any(l => l.StartsWith("```", StringComparison.Ordinal));
            var hasFix = section.Any(l => l.Contains("Fix:", StringComparison.Ordinal) || l.StartsWith("Fix", StringComparison.Ordinal));
            if (hasExample && hasFix)
            {
                foreach (Match match in Code().Matches(lines[i]))
                {
                    yield return match.Value;
                }
            }
        }
    }

    private static List<string> Cells(string row) =>
        row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    [GeneratedRegex(@"\b[A-Z]{2,}[0-9]{3}\b")]
    private static partial Regex Code();

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}")]
    private static partial Regex Separator();
}
