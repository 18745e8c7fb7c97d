namespace Handbook.JobFamilies.Tests.Fuzz;

using CsCheck;
using Xunit.Abstractions;

/// <summary>
/// Issue 11: bad input never crashes or hangs. For generated pages, the whole parsing side (front matter, ERB, parser,
/// kramdown, grades, extends, rendering) never throws, finishes within a time bound, and reports every diagnostic at a
/// real position of the page or one of its partials.
/// </summary>
[Trait("Category", "Fuzz")]
public class PageFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<(string Path, string Page, IReadOnlyDictionary<string, string> Partials)> OnePage =
        Gen.Select(Gen.OneOf(PageGen.Paths), PageGen.Page, PageGen.Partials);

    internal static readonly Gen<(string[] Pages, IReadOnlyDictionary<string, string> Partials)> PageSet =
        Gen.Select(PageGen.Page.Array[2, PageGen.Paths.Length], PageGen.Partials);

    [Fact]
    public void Given_any_page_when_it_is_parsed_then_nothing_throws_or_hangs_and_diagnostics_point_into_the_files()
    {
        FuzzRunner.Run(
            "single page",
            OnePage,
            c => Check(new Dictionary<string, string>(StringComparer.Ordinal) { [c.Path] = c.Page }, c.Partials),
            output.WriteLine,
            c => c.Path + ": " + FuzzRunner.Show(c.Page),
            iterations: 400,
            seconds: 6,
            warmUp: c => PageRun.Run(new Dictionary<string, string>(StringComparer.Ordinal) { [c.Path] = c.Page }, c.Partials));
    }

    [Fact]
    public void Given_a_set_of_pages_extending_each_other_when_parsed_and_extended_then_nothing_throws_or_hangs()
    {
        FuzzRunner.Run(
            "page set with extends",
            PageSet,
            c => Check(PageGen.Paths.Zip(c.Pages).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal), c.Partials),
            output.WriteLine,
            c => string.Join("\n", PageGen.Paths.Zip(c.Pages).Select(p => p.First + ": " + FuzzRunner.Show(p.Second))),
            iterations: 200,
            seconds: 5,
            warmUp: c => PageRun.Run(PageGen.Paths.Zip(c.Pages).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal), c.Partials));
    }

    /// <summary>The property: no exception, within the time bound, every diagnostic inside the files.</summary>
    private static void Check(Dictionary<string, string> pages, IReadOnlyDictionary<string, string> partials)
    {
        var size = pages.Values.Sum(p => p.Length) + partials.Values.Sum(p => p.Length);
        List<Handbook.Pipeline.Diagnostics.Diagnostic> diagnostics = [];
        FuzzRunner.WithinTime(size, budget => diagnostics = PageRun.Run(pages, partials, budget.Add));

        var files = new Dictionary<string, string>(pages, StringComparer.Ordinal);
        foreach (var (path, text) in partials)
        {
            files.TryAdd(path, text);
        }

        DiagnosticChecks.AssertInRange(diagnostics, files);
    }
}
