namespace Handbook.Site.Tests.Reliability;

using System.Diagnostics;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;
using Xunit.Abstractions;

/// <summary>
/// Runs a mistake catalogue over real pages laid out in <c>input/</c> of a folder: one unedited <c>check</c> build,
/// then for each mistake one build with the mistake made on every page where it fits (pages are built independently,
/// so the edits do not meet), the pages put back after it. Every edited page must get a new diagnostic with one of the
/// expected codes on the edited line, its column inside that line and a hint, and no INTERNAL diagnostic: never a
/// crash, never a silently wrong page. Prints a table (mistake, codes, pages, right, skipped) and returns the failures.
/// </summary>
internal static class MistakeCatalogueRun
{
    /// <summary>One mistake as the run needs it: <c>Apply(relative path, text, URLs of the site's pages)</c>.</summary>
    internal sealed record Mistake(string Name, IReadOnlyList<string> Codes, Func<string, string, IReadOnlySet<string>, MistakeEdit?> Apply, bool ReadsFrontMatterKeys = false)
    {
        public static Mistake Of(ContributorMistake mistake) =>
            new(mistake.Name, mistake.Codes, (_, text, urls) => mistake.Apply(text, urls), mistake.ReadsFrontMatterKeys);
    }

    public static async Task<List<string>> RunAsync(TempFolder folder, IReadOnlyList<(string Relative, string Text)> pages, IReadOnlyList<Mistake> mistakes, ITestOutputHelper output, bool everyMistakeFits = true)
    {
        var clock = Stopwatch.StartNew();
        var baseline = ByFile(await CheckAsync(folder));
        var urls = pages.Select(p => FamilyPath.TryParse(p.Relative, out var info) ? info.Url : null).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var failures = new List<string>();
        output.WriteLine($"{"mistake",-52} {"codes",-20} {"pages",5} {"right",5} {"skip",4}");
        foreach (var mistake in mistakes)
        {
            var edits = new Dictionary<string, MistakeEdit>(StringComparer.Ordinal);
            foreach (var (relative, text) in pages)
            {
                if (mistake.Apply(relative, text, urls) is { } edit && edit.Text != text)
                {
                    edits[relative] = edit;
                    folder.Write("input/" + relative, edit.Text);
                }
            }

            var diagnostics = await CheckAsync(folder);
            foreach (var (relative, text) in pages.Where(p => edits.ContainsKey(p.Relative)))
            {
                folder.Write("input/" + relative, text);
            }

            failures.AddRange(diagnostics.Where(d => d.Code.StartsWith("INTERNAL", StringComparison.Ordinal)).Select(d => $"{mistake.Name}: {d.Format()}"));
            var edited = ByFile(diagnostics);
            var right = 0;
            var skipped = 0;
            foreach (var (path, edit) in edits.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var before = baseline.GetValueOrDefault(path) ?? [];
                if (before.Any(d => mistake.Codes.Contains(d.Code) && edit.Shift(d.Location.Line) == edit.Line)
                    || (mistake.ReadsFrontMatterKeys && before.Any(d => d.Code is "FM001" or "FM002" or "FM003")))
                {
                    skipped++; // the page already has this mistake there (a real defect of the corpus), or cannot show it
                    continue;
                }

                var added = New(edited.GetValueOrDefault(path) ?? [], before, edit);
                var lineLength = edit.Text.Split('\n')[edit.Line - 1].Length;
                var hit = added.FirstOrDefault(d => mistake.Codes.Contains(d.Code) && d.Location.Line == edit.Line);
                if (hit is not null && hit.Location.Column >= 1 && hit.Location.Column <= lineLength + 1 && !string.IsNullOrWhiteSpace(hit.Hint))
                {
                    right++;
                    continue;
                }

                var found = added.Count == 0 ? "nothing new" : string.Join(" | ", added.Take(3).Select(d => d.Format().ReplaceLineEndings(" ")));
                failures.Add($"{mistake.Name}: {path}:{edit.Line}: expected {string.Join('/', mistake.Codes)}, got {found}");
            }

            output.WriteLine($"{mistake.Name,-52} {string.Join('/', mistake.Codes),-20} {edits.Count,5} {right,5} {skipped,4}");
            if (edits.Count == 0 && everyMistakeFits)
            {
                failures.Add($"{mistake.Name}: fits no real page (the catalogue or the corpus changed)");
            }
        }

        output.WriteLine($"{mistakes.Count} mistakes, {mistakes.Count + 1} builds in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var group in failures.GroupBy(f => f[..f.IndexOf(':', StringComparison.Ordinal)], StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Count()} × {group.Key}, e.g.");
            foreach (var failure in group.Take(4))
            {
                output.WriteLine("  " + failure);
            }
        }

        return failures;
    }

    /// <summary>The diagnostics of the edited page that the unedited page (its lines moved by the edit) did not have.</summary>
    private static List<Diagnostic> New(List<Diagnostic> after, List<Diagnostic> before, MistakeEdit edit)
    {
        var remaining = before.Select(d => (Line: edit.Shift(d.Location.Line), d.Location.Column, d.Code)).ToList();
        var added = new List<Diagnostic>();
        foreach (var diagnostic in after)
        {
            var index = remaining.IndexOf((diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Code));
            if (index >= 0)
            {
                remaining.RemoveAt(index);
            }
            else
            {
                added.Add(diagnostic);
            }
        }

        return added;
    }

    private static Dictionary<string, List<Diagnostic>> ByFile(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.GroupBy(d => d.Location.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    public static async Task<IReadOnlyList<Diagnostic>> CheckAsync(TempFolder folder)
    {
        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = folder["input"],
            OutputFolder = folder["output"],
            ThemeFolder = TestTheme.Folder,
            WriteOutput = false,
            History = false,
        });
        return report.Diagnostics;
    }
}
