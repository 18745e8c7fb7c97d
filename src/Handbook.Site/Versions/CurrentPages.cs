namespace Handbook.Site.Versions;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Versions.Diff;
using Handbook.Pipeline.Documents;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;

/// <summary>
/// The current build's input texts and rendered pages, so a version whose inputs are exactly the current ones
/// (typically each family's newest version: the same page text, grade data, linked pages and partials as in the
/// working tree) takes the current page's result instead of being rendered a second time.
/// </summary>
public sealed class CurrentPages
{
    private const string GradeDataPath = "data/job-grades.yml";

    private readonly HistorySession _session;
    private readonly PageViews _views;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Document> _pages = new(StringComparer.Ordinal);
    private readonly List<string> _partials;

    public CurrentPages(IReadOnlyList<Document> documents, HistorySession session, PageViews views)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _session = session;
        _views = views;
        foreach (var document in documents)
        {
            if (document.IsBinary || !HistoricInputFiles.Includes(document.SourcePath))
            {
                continue;
            }

            _texts.TryAdd(document.SourcePath, document.Content);
            if (document.Metadata.Contains(JobFamilyKeys.Family) && document.Metadata.Contains(JobFamilyKeys.BodyHtml))
            {
                _pages.TryAdd(document.SourcePath, document);
            }
        }

        _partials = _texts.Keys.Where(HistoricInputFiles.IsPartial).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The current page's content when every input of the version equals the current input; else null.</summary>
    public HistoricContent? Reuse(VersionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!_pages.TryGetValue(inputs.PagePath, out var page)
            || !Same(inputs.PagePath, inputs.PageBlob)
            || !(inputs.GradeDataBlob is null ? !_texts.ContainsKey(GradeDataPath) : Same(GradeDataPath, inputs.GradeDataBlob))
            || !inputs.Dependencies.All(d => Same(d.Path, d.Blob))
            || !inputs.Partials.Select(p => p.Path).SequenceEqual(_partials, StringComparer.Ordinal)
            || !inputs.Partials.All(p => Same(p.Path, p.Blob)))
        {
            return null;
        }

        var family = page.Get(JobFamilyKeys.Family);
        var unknown = inputs.GradeDataBlob is null
            ? []
            : family.Roles.Where(r => r.Grade is { Resolved: false }).Select(r => r.Grade!.Value).Distinct(StringComparer.Ordinal).ToList();
        return new HistoricContent(
            _views.FamilyOf(FamilyCatalog.Entry(page, family, page.Get(JobFamilyKeys.BodyHtml))) with { Children = [], History = null },
            MermaidBlocks.Any(family.Body),
            VersionModelMapper.From(family),
            unknown);
    }

    private bool Same(string path, string blob) =>
        _texts.TryGetValue(path, out var current) && string.Equals(current, _session.ReadText(blob), StringComparison.Ordinal);
}
