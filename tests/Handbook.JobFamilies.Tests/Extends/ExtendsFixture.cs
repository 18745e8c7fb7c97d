namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Markdig;

/// <summary>Builds families from in-memory pages, runs the extends pass and renders sections, for the tests.</summary>
internal sealed class ExtendsFixture
{
    public static readonly MarkdownPipeline Pipeline = JobFamilyMarkdown.CreatePipeline([new ExtendsMarkdownExtension()]);

    private ExtendsFixture(IReadOnlyList<JobFamily> families, DiagnosticBag diagnostics, ExtendsResolution resolution)
    {
        Families = families;
        Diagnostics = diagnostics.Sorted();
        Resolution = resolution;
    }

    public IReadOnlyList<JobFamily> Families { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public ExtendsResolution Resolution { get; }

    public JobFamily Family => Families[0];

    /// <summary>Given pages as (path below input/, Markdown), when the extends pass runs over all of them.</summary>
    public static ExtendsFixture Run(params (string Path, string Text)[] pages) => Run(ExpandExtends.DefaultBatchSize, pages);

    /// <summary>The same, with the pass planning, copying and applying <paramref name="batchSize"/> families at a time.</summary>
    public static ExtendsFixture Run(int batchSize, params (string Path, string Text)[] pages)
    {
        var parser = new JobFamilyParser(Pipeline);
        var parseDiagnostics = new List<Diagnostic>();
        var families = pages.Select(p => parser.Parse(p.Path, p.Text, parseDiagnostics)).ToList();
        var bag = new DiagnosticBag();
        var resolution = new ExpandExtends(new FamilyLookup(families), batchSize).Run(families, bag);
        return new ExtendsFixture(families, bag, resolution);
    }

    /// <summary>One page at <c>job-families/sales/widget-analyst.md</c>.</summary>
    public static ExtendsFixture RunPage(string markdown) => Run(("job-families/sales/widget-analyst.md", markdown));

    public Role Role(string name) => Families.SelectMany(f => f.Roles).First(r => r.Name == name);

    public IReadOnlyList<string> ItemTexts(string role, SectionKind kind) =>
        ExtendsNode.RoleSection(Role(role), kind)?.Items.Select(i => (i.InheritedFrom is null ? "" : $"[{i.InheritedFrom.Level}] ") + i.Text).ToList() ?? [];

    public string Html => Family.Body.ToHtml(Pipeline);

    public string HtmlOf(JobFamily family) => family.Body.ToHtml(Pipeline);
}
