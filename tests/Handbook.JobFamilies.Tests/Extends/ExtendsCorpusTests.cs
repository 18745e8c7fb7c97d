namespace Handbook.JobFamilies.Tests.Extends;

using System.Globalization;
using System.Text.RegularExpressions;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Markdig;
using Xunit.Abstractions;

/// <summary>
/// The extends pass on the 171 real pages. An independent, deliberately simple keyword scan finds every line that
/// might be an inheritance statement; each hit must be recognised and resolved, or reported with a diagnostic, or be
/// one of the documented kinds of ordinary prose below.
/// </summary>
public partial class ExtendsCorpusTests(ITestOutputHelper output)
{
    /// <summary>Prose that uses the keywords without inheriting anything (each with the reason it is not a statement).</summary>
    private static readonly (Regex Pattern, string Reason)[] NonStatements =
    [
        (new Regex(@"\bextend(?:s|ed|ing)?\s+(?:our|it|its|the\s+(?:reach|current)|existing|gitlab|dbt|code|federal|support)\b|\bextending\b|\bextended\b|\bdesign, develop, and extend\b", RegexOptions.IgnoreCase), "the verb 'extend' about products or reach, not roles"),
        (new Regex(@"may (?:be )?extend(?:ed)?(?: or overlay(?:ed)?)?", RegexOptions.IgnoreCase), "describes that specialties may extend levels, names no role"),
        (new Regex(@"\b(?:which|team\)?) includes all\b|includes all (?:levels|areas)", RegexOptions.IgnoreCase), "'includes all' about something other than a role's items"),
        (new Regex(@"\ba (?:big )?plus\b|\bis a plus\b|\bplus;? we\b|\bnice plus\b", RegexOptions.IgnoreCase), "'a plus' meaning 'an advantage'"),
        (new Regex(@"\ball of the (?:\w+ )?(?:team|company|departments?|data|stakeholders|tools|above|following)\b", RegexOptions.IgnoreCase), "'all of the' about other things"),
        (new Regex(@"\bin addition to the (?!same\b|above\b|general\b|corresponding\b|requirements (?:of|for)\b|responsibilities (?:of|for)\b)", RegexOptions.IgnoreCase), "'in addition to' something that is not another role's items (e.g. 'the partner programs', 'the requirements below')"),
    ];

    [GeneratedRegex(@"\bextends?\b|\bplus[:;]|same responsibilit|same requirement|\ball (?:of )?the (?:same )?(?:responsib|requir|perf)|\beverything (?:in|under)\b|\binherits\b|\bin addition to the\b|\bincludes? all\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScanRegex();

    [CorpusFact]
    public void Every_scanner_hit_is_resolved_reported_or_documented_prose()
    {
        var (families, bag, resolution) = RunCorpus();
        var diagnostics = bag.Sorted().Where(d => d.Code.StartsWith("EXTENDS", StringComparison.Ordinal) || d.Code.StartsWith("LIMIT", StringComparison.Ordinal)).ToList();

        var resolvedLines = resolution.Resolved.Select(r => Key(r.Found)).SelectMany(k => k).ToHashSet();
        var foundLines = resolution.Found.SelectMany(Key).ToHashSet();
        var reportedLines = diagnostics.Select(d => $"{d.Location.Path}:{d.Location.Line}").ToHashSet();

        var hits = Scan(families);
        var unexplained = new List<string>();
        int resolved = 0, reported = 0, prose = 0;
        foreach (var (path, line, text) in hits)
        {
            var key = $"{path}:{line}";
            if (resolvedLines.Contains(key) && !reportedLines.Contains(key))
            {
                resolved++;
            }
            else if (reportedLines.Contains(key) && foundLines.Contains(key))
            {
                reported++;
            }
            else if (NonStatements.Any(n => n.Pattern.IsMatch(text)))
            {
                prose++;
            }
            else
            {
                unexplained.Add($"{key}: {text.Trim()}");
            }
        }

        var statements = resolution.Found.Count;
        var fullyResolved = resolution.Found.Count(f => !reportedLines.Contains($"{f.Location.Path}:{f.Location.Line}"));
        output.WriteLine($"scanner hits: {hits.Count}; resolved {resolved}, reported {reported}, documented prose {prose}, unexplained {unexplained.Count}");
        output.WriteLine($"statements recognised: {statements}; resolved without diagnostics: {fullyResolved} ({100.0 * fullyResolved / Math.Max(1, statements):0.0}%)");
        output.WriteLine("diagnostics:");
        foreach (var d in diagnostics)
        {
            output.WriteLine("  " + d.Format().Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        output.WriteLine("unexplained scanner hits:");
        foreach (var u in unexplained)
        {
            output.WriteLine("  " + u);
        }

        Assert.Empty(unexplained);
        Assert.True(statements >= 350, $"only {statements} statements recognised; REPORT.md §5 counts ~430 over a larger set");
    }

    [CorpusFact]
    public void The_pass_is_deterministic_and_every_inherited_item_says_where_it_comes_from()
    {
        var first = RunCorpus();
        var second = RunCorpus();

        Assert.Equal(first.Bag.Sorted(), second.Bag.Sorted());
        Assert.Equal(
            first.Families.Select(f => f.Body.ToHtml(ExtendsFixture.Pipeline)),
            second.Families.Select(f => f.Body.ToHtml(ExtendsFixture.Pipeline)));
        var inherited = first.Families.SelectMany(f => f.Roles).SelectMany(r => r.Sections).SelectMany(s => s.Items).Where(i => i.InheritedFrom is not null).ToList();
        Assert.NotEmpty(inherited);
        Assert.All(inherited, i => Assert.StartsWith("/job-families/", i.InheritedFrom!.Url, StringComparison.Ordinal));
        output.WriteLine($"inherited items in the model: {inherited.Count.ToString(CultureInfo.InvariantCulture)}");
    }

    private static IEnumerable<string> Key(FoundStatement f)
    {
        var lines = Math.Max(1, f.Block.Lines.Count);
        return Enumerable.Range(f.Location.Line, lines).Select(l => $"{f.Location.Path}:{l}");
    }

    [CorpusFact]
    public void Expanding_a_family_at_a_time_gives_what_one_batch_of_all_families_gives()
    {
        // Given the real pages expanded as one batch (the oracle) and one family per batch (pages inheriting from
        // another page are changed only after every page has read them)
        var oracle = RunCorpus(int.MaxValue);
        var batched = RunCorpus(1);

        // Then pages, inherited items and diagnostics are the same
        Assert.Equal(oracle.Bag.Sorted(), batched.Bag.Sorted());
        Assert.Equal(
            oracle.Families.Select(f => f.Body.ToHtml(ExtendsFixture.Pipeline)),
            batched.Families.Select(f => f.Body.ToHtml(ExtendsFixture.Pipeline)));
        Assert.Equal(InheritedItems(oracle.Families), InheritedItems(batched.Families));
    }

    private static List<string> InheritedItems(List<JobFamily> families) =>
        families.SelectMany(f => f.Roles).SelectMany(r => r.Sections).SelectMany(s => s.Items)
            .Select(i => $"{i.Text} <- {i.InheritedFrom?.Url}|{i.InheritedFrom?.Level}|{i.InheritedFrom?.Section}")
            .ToList();

    private static (List<JobFamily> Families, DiagnosticBag Bag, ExtendsResolution Resolution) RunCorpus(int batchSize = ExpandExtends.DefaultBatchSize)
    {
        var parser = new JobFamilyParser(ExtendsFixture.Pipeline);
        var parseDiagnostics = new List<Diagnostic>();
        var families = new List<JobFamily>();
        foreach (var (saved, original) in Manifest())
        {
            var text = File.ReadAllText(Path.Combine(SharedCorpus.PathOf("gitlab-job-families"), saved));
            families.Add(parser.Parse(original, text, parseDiagnostics));
        }

        var bag = new DiagnosticBag();
        var resolution = new ExpandExtends(new FamilyLookup(families), batchSize).Run(families, bag);
        return (families, bag, resolution);
    }

    /// <summary>(saved path, input-relative original path) of every page, from MANIFEST.tsv.</summary>
    internal static List<(string Saved, string Original)> Manifest()
    {
        var result = new List<(string, string)>();
        foreach (var line in File.ReadLines(Path.Combine(SharedCorpus.PathOf("gitlab-job-families"), "MANIFEST.tsv")).Skip(1))
        {
            var cols = line.Split('\t');
            var original = cols[1];
            var i = original.IndexOf("job-families/", StringComparison.Ordinal);
            result.Add((cols[0], i >= 0 ? original[i..] : original));
        }

        return result;
    }

    /// <summary>The independent scan: raw lines with a keyword, outside code fences and front matter.</summary>
    private static List<(string Path, int Line, string Text)> Scan(IReadOnlyList<JobFamily> families)
    {
        var hits = new List<(string, int, string)>();
        var bySource = Manifest().ToDictionary(m => families.First(f => f.SourcePath.EndsWith(m.Original[(m.Original.IndexOf("job-families/", StringComparison.Ordinal) + "job-families/".Length)..], StringComparison.Ordinal) || f.SourcePath == m.Original).SourcePath, m => m.Saved);
        foreach (var family in families)
        {
            var lines = File.ReadAllLines(Path.Combine(SharedCorpus.PathOf("gitlab-job-families"), bySource[family.SourcePath]));
            var fence = false;
            var bodyStart = family.FrontMatter.BodyStartLine;
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    fence = !fence;
                }

                if (fence || i + 1 < bodyStart || !ScanRegex().IsMatch(lines[i]))
                {
                    continue;
                }

                hits.Add((family.SourcePath, i + 1, lines[i]));
            }
        }

        return hits;
    }
}
