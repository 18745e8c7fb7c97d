namespace Handbook.JobFamilies.Tests.Fuzz;

using Handbook.JobFamilies.Erb;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Kramdown;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Markdig;

/// <summary>
/// Runs pages through every public parsing step the build uses, in its order: front matter, ERB (in .erb pages) or the
/// non-ERB warning scan, the parser, kramdown findings, grades, extends over the whole set, and HTML rendering.
/// </summary>
internal static class PageRun
{
    public static readonly MarkdownPipeline Pipeline = JobFamilyMarkdown.CreatePipeline([new ExtendsMarkdownExtension()]);

    private static readonly JobFamilyParser Parser = new(Pipeline);

    public static readonly GradeTable Grades = GradeTableReader.Read(
        "data/job-grades.yml",
        "tracks:\n  - id: general\n    name: General\n  - id: sales\n    name: Sales\n    departments: [sales]\n"
        + "grades:\n" + string.Concat(new[] { "5", "6", "7", "8", "9", "9.5", "10", "11", "12", "14", "15" }.Select(g => $"  - id: {g}\n    title: \"T{g}\"\n    titles:\n      sales: \"S{g}\"\n")),
        new List<Diagnostic>());

    /// <summary>
    /// All diagnostics of the run over <paramref name="pages"/> (path → text) with <paramref name="partials"/> on disk;
    /// <paramref name="expanded"/> hears the length of each ERB page's expansion (the text the later steps work on).
    /// </summary>
    public static List<Diagnostic> Run(IReadOnlyDictionary<string, string> pages, IReadOnlyDictionary<string, string> partials, Action<long>? expanded = null)
    {
        var diagnostics = new List<Diagnostic>();
        var environment = new Environment(pages, partials);
        var families = new List<JobFamily>();
        foreach (var (path, text) in pages)
        {
            var frontMatter = FrontMatterReader.Read(path, text);
            diagnostics.AddRange(frontMatter.Diagnostics);
            JobFamily family;
            if (path.EndsWith(".erb", StringComparison.Ordinal))
            {
                var expansion = ErbExpander.Expand(path, frontMatter.Body, environment, diagnostics);
                expanded?.Invoke(expansion.Text.Length);
                family = Parser.Parse(path, frontMatter.FrontMatter, expansion.Text, expansion.Map, diagnostics);
            }
            else
            {
                ErbScanner.ReportInNonErbPage(path, frontMatter.Body, diagnostics);
                family = Parser.Parse(path, frontMatter.FrontMatter, frontMatter.Body, new SourceMap(path), diagnostics);
            }

            KramdownFindings.Report(family.Body, family.Locate, diagnostics);
            GradeResolver.Resolve(family, Grades, diagnostics);
            families.Add(family);
        }

        var bag = new DiagnosticBag();
        new ExpandExtends(new FamilyLookup(families)).Run(families, bag);
        diagnostics.AddRange(bag.Sorted());
        foreach (var family in families)
        {
            _ = JobFamilyMarkdown.RenderHtml(family.Body, Pipeline);
        }

        return diagnostics;
    }

    /// <summary>Partials come from the generated files; <c>job_families</c> lists the generated pages of a department.</summary>
    private sealed class Environment(IReadOnlyDictionary<string, string> pages, IReadOnlyDictionary<string, string> partials) : IErbEnvironment
    {
        public IReadOnlyList<FamilyLink> FamiliesIn(string folder) =>
            pages.Keys
                .Where(p => p.StartsWith("job-families/" + folder + "/", StringComparison.Ordinal))
                .Select(p => new FamilyLink(p, "/" + p))
                .ToList();

        public bool TryReadInclude(string inputRelativePath, out string text)
        {
            if (partials.TryGetValue(inputRelativePath, out var found) || pages.TryGetValue(inputRelativePath, out found))
            {
                text = found;
                return true;
            }

            text = string.Empty;
            return false;
        }
    }
}
