namespace Handbook.JobFamilies.Tests.Grades;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// The grades pass over the 171 real pages with the grade table imported from the calculator page at HEAD.
/// Link counts are checked against an independent scan of the raw text.
/// </summary>
public partial class GradeCorpusTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Every_grade_link_on_the_real_pages_is_found_and_resolved_or_reported()
    {
        var importDiagnostics = new List<Diagnostic>();
        var table = CalculatorImporter.Import(
            File.ReadAllText(SharedCorpus.PathOf("gitlab-compensation-data/compensation-calculator/index.html.md")), importDiagnostics);
        Assert.Empty(importDiagnostics);

        var parser = new JobFamilyParser();
        var diagnostics = new List<Diagnostic>();
        var pages = 0;
        var linkedGrades = 0;
        var attached = 0;
        var rawLinks = 0;
        var nonGradeLinks = 0;
        var mismatches = new List<string>();
        foreach (var (saved, original) in Manifest())
        {
            var text = File.ReadAllText(SharedCorpus.PathOf("gitlab-job-families/" + saved));
            var parseDiagnostics = new List<Diagnostic>();
            var family = parser.Parse(original, text, parseDiagnostics);
            var pageDiagnostics = new List<Diagnostic>();

            var mentions = GradeResolver.Resolve(family, table, pageDiagnostics);

            pages++;
            diagnostics.AddRange(pageDiagnostics);
            var links = mentions.Count(m => m.IsLinked && m.Target != CalculatorLinkKind.NotCalculator);
            var expected = CalculatorLinkPattern().Count(text);
            rawLinks += expected;
            nonGradeLinks += mentions.Count(m => m.IsLinked && !m.HasGradeText);
            if (links != expected)
            {
                mismatches.Add($"{saved}: found {links} calculator links, raw text has {expected}");
            }

            var reported = pageDiagnostics.Select(d => (d.Location.Line, d.Location.Column)).ToHashSet();
            foreach (var mention in mentions.Where(m => m.IsLinked && m.HasGradeText))
            {
                linkedGrades++;
                var location = family.Locate(mention.Line, mention.Column);
                var resolved = mention.AttachedTo?.Grade is { Resolved: true } && mention.EffectiveValues.All(v => table.Find(v) is not null);
                attached += mention.AttachedTo is null ? 0 : 1;
                Assert.True(
                    resolved || reported.Contains((location.Line, location.Column)),
                    $"{location}: '{mention.Text}' was neither resolved nor reported");
            }
        }

        foreach (var group in diagnostics.GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
        }

        output.WriteLine($"{pages} pages, {linkedGrades} linked grade mentions, {attached} attached to a role");
        foreach (var d in diagnostics.Where(d => d.Code != "GRADE003"))
        {
            output.WriteLine(d.Format());
        }

        Assert.Equal(171, pages);
        Assert.Empty(mismatches);
        Assert.Equal(rawLinks, linkedGrades + nonGradeLinks);
        Assert.True(attached >= linkedGrades * 0.95, $"only {attached} of {linkedGrades} linked grades found their role");

        var stale = diagnostics.Where(d => d.Code == "GRADE001" && d.Location.Path.Contains("marketing/product-marketing-management", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, stale.Count);
        Assert.All(stale, d => Assert.Equal(("unknown grade 9.5", "nearest grades: 9, 10"), (d.Message, d.Hint)));
        Assert.DoesNotContain(diagnostics, d => d.Location.Path.Contains("marketing/brand-growth", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Saved, string Original)> Manifest()
    {
        foreach (var line in File.ReadLines(SharedCorpus.PathOf("gitlab-job-families/MANIFEST.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            var original = columns[1];
            var start = original.IndexOf("job-families/", StringComparison.Ordinal);
            if (columns[0].EndsWith(".md", StringComparison.Ordinal) && start >= 0)
            {
                yield return (columns[0], original[start..]);
            }
        }
    }

    // Independent of the AST: "](" followed by a URL containing compensation-calculator, up to ")".
    [GeneratedRegex(@"\]\(\(?[^()\s]*compensation-calculator[^()\s]*\)")]
    private static partial Regex CalculatorLinkPattern();
}
