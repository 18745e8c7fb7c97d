namespace Handbook.Benchmarks;

using BenchmarkDotNet.Attributes;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Sanitizing;
using Handbook.Pipeline.Diagnostics;
using Markdig;
using Markdig.Syntax;

/// <summary>
/// The per-page stages of a build, one page at a time, in the order the build runs them. Stages that edit the page
/// (grades rewrite links, extends inserts bullets) need a fresh parse each time, so they are measured together with
/// the parse: their own cost is the difference to <see cref="Model"/>. Render and sanitise only read, so they run on
/// a page prepared once.
/// </summary>
[MemoryDiagnoser]
public class PageStageBenchmarks
{
    private static readonly MarkdownPipeline PlainPipeline = new MarkdownPipelineBuilder().Build();

    private MarkdownPipeline _pipeline = null!;
    private JobFamilyParser _parser = null!;
    private BenchmarkPage _page = null!;
    private FrontMatterResult _frontMatter = null!;
    private GradeTable _grades = null!;
    private MarkdownDocument _preparedBody = null!;
    private string _renderedHtml = null!;

    [ParamsSource(nameof(PageNames))]
    public string Page { get; set; } = BenchmarkPages.Sample;

    public static IEnumerable<string> PageNames => BenchmarkPages.All;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions());
        _parser = new JobFamilyParser(_pipeline);
        _page = BenchmarkPages.Get(Page);
        _frontMatter = FrontMatterReader.Read(_page.SourcePath, _page.Text);
        _grades = GradeTableReader.Read("data/job-grades.yml", _page.GradesYaml, new List<Diagnostic>());
        var prepared = Extends();
        _preparedBody = prepared.Body;
        _renderedHtml = Render();
    }

    /// <summary>Splitting front matter (YAML) from the body.</summary>
    [Benchmark]
    public FrontMatterResult FrontMatter() => FrontMatterReader.Read(_page.SourcePath, _page.Text);

    /// <summary>
    /// Markdig alone with its plain CommonMark pipeline (no extensions, no precise source locations): the floor the
    /// site's parse is compared with.
    /// </summary>
    [Benchmark]
    public MarkdownDocument ParsePlain() => Markdig.Markdown.Parse(_frontMatter.Body, PlainPipeline);

    /// <summary>Markdig alone: the body to an AST with the site's pipeline.</summary>
    [Benchmark]
    public MarkdownDocument Parse() => JobFamilyMarkdown.Parse(_frontMatter.Body, _pipeline);

    /// <summary>Parse plus the model: sections, levels, specialties, items.</summary>
    [Benchmark]
    public JobFamily Model() => NewFamily();

    /// <summary>Model plus grade resolution (mentions found, checked, links rewritten).</summary>
    [Benchmark]
    public IReadOnlyList<GradeMention> Grades() => GradeResolver.Resolve(NewFamily(), _grades, new List<Diagnostic>());

    /// <summary>Model, grades and the extends pass over the page (its statements point within the page).</summary>
    [Benchmark]
    public JobFamily Extends()
    {
        var family = NewFamily();
        GradeResolver.Resolve(family, _grades, new List<Diagnostic>());
        new ExpandExtends(new FamilyLookup([family])).Run([family], new DiagnosticBag());
        return family;
    }

    /// <summary>The finished AST to HTML (Markdig renderers).</summary>
    [Benchmark]
    public string Render() => JobFamilyMarkdown.RenderHtml(_preparedBody, _pipeline);

    /// <summary>The sanitiser over the rendered HTML.</summary>
    [Benchmark]
    public string Sanitize() => ContentSanitizer.Sanitize(_renderedHtml);

    private JobFamily NewFamily() =>
        _parser.Parse(_page.SourcePath, _frontMatter.FrontMatter, _frontMatter.Body, new SourceMap(_page.SourcePath), new List<Diagnostic>());
}
