namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Erb;
using Handbook.JobFamilies.Hugo;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;
using Handbook.Pipeline.Stages;

/// <summary>
/// Expands ERB in <c>.erb</c> pages (partials, <c>job_families</c>) and replaces the body and source map with the
/// result; in other pages an ERB tag only gets a warning (ERB008) and stays text. Needs the whole set because
/// <c>job_families</c> lists other pages and partials are other files. An expanded page declares a dependency on
/// the partials it included and the pages it listed, so editing one of them expands the page again.
/// Then it runs the page's Hugo shortcodes (<see cref="HugoShortcodeExpander"/>): the other template language of
/// GitLab's handbook (2023+), also expanded in the text before Markdown, so both live in the one stage that turns a
/// page's written text into the text that is parsed. A ref is looked up among all the pages, as Hugo looks it up in
/// the whole site (<see cref="HugoPageIndex"/>): it depends on the set of page paths only, which an incremental run
/// never changes (a page added or removed rebuilds everything), and this stage runs over every page before batches.
/// </summary>
public sealed class ExpandErb : WholeSetStage
{
    private readonly bool _looksRefsUpAmongPages;

    /// <param name="looksRefsUpAmongPages">
    /// False resolves a ref as a path only (<see cref="HugoRef.Resolve"/>), for a run that does not see every page of
    /// its site: an old version of a page is rendered with only the pages it links to by URL (<c>VersionRenderer</c>),
    /// so a lookup among those could miss a page the commit has, and the render cache's key would not say so.
    /// </param>
    public ExpandErb(bool looksRefsUpAmongPages = true) => _looksRefsUpAmongPages = looksRefsUpAmongPages;

    public override string Name => nameof(ExpandErb);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        // Two page files of one URL (PAGE001): the later one is left out here, the first stage that sees every page,
        // so nothing after it parses, links or renders a second page for that URL. The folders of split families are
        // checked here too (PAGE002), for the same reason: it takes every page.
        var clashes = new List<Diagnostic>();
        var dropped = PagesSharingUrl.Find(
            documents.Where(d => d.Metadata.Contains(JobFamilyKeys.PathInfo)).Select(d => d.Get(JobFamilyKeys.PathInfo)),
            clashes);
        if (dropped.Count > 0)
        {
            documents = documents.Where(d => !dropped.Contains(d.SourcePath)).ToList();
        }

        SplitFamilyFolders.Check(
            documents.Where(d => d.Metadata.Contains(JobFamilyKeys.PathInfo))
                .Select(d => (d.Get(JobFamilyKeys.PathInfo), d.TryGet(JobFamilyKeys.FrontMatter, out var frontMatter) && frontMatter?.Values.ContainsKey(FrontMatter.WeightKey) == true)),
            clashes);
        context.Diagnostics.ReportAll(clashes);

        var files = documents
            .GroupBy(d => d.SourcePath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var pages = documents
            .Where(d => d.Metadata.Contains(JobFamilyKeys.PathInfo))
            .Select(d => new FamilyLinkSource(d.SourcePath, d.Get(JobFamilyKeys.PathInfo).Slug, TitleOf(d)))
            .ToList();

        // Its tables are made on the first ref (most pages have no shortcode).
        var index = _looksRefsUpAmongPages ? new HugoPageIndex(pages.Select(p => p.SourcePath)) : null;
        var result = new Document[documents.Count];
        Parallel.For(
            0,
            documents.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            i => result[i] = Expand(documents[i], files, pages, index, context));
        return result;
    }

    private static Document Expand(Document document, IReadOnlyDictionary<string, Document> files, IReadOnlyList<FamilyLinkSource> pages, HugoPageIndex? index, StageContext context)
    {
        if (!context.MustProcess(document) || !document.TryGet(JobFamilyKeys.PathInfo, out var path))
        {
            return document;
        }

        // A parked page that is not .erb and had no ERB opening when it was parked has no tag to warn about: its text is
        // not decompressed here (most pages).
        if (!path.IsErb && ParkedMarkdown.Of(document) is { } parked && !parked.HasErbOpening && !parked.HasShortcodeOpening)
        {
            return document;
        }

        // Any other parked body is read as a string of its own, which dies here: the page stays parked.
        if (!ParkedMarkdown.TryGetText(document, out var body))
        {
            return document;
        }

        var diagnostics = new List<Diagnostic>();
        if (!path.IsErb)
        {
            ErbScanner.ReportInNonErbPage(path.SourcePath, body, diagnostics);
            var map = document.TryGet(JobFamilyKeys.SourceMap, out var read) && read is not null ? read : new SourceMap(path.SourcePath);
            var run = HugoShortcodeExpander.Expand(path.SourcePath, body, map, diagnostics, index);
            context.Diagnostics.ReportAll(diagnostics);
            return ReferenceEquals(run, body) ? document : ParkedMarkdown.WithText(document, run);
        }

        var environment = new DocumentErbEnvironment(files, pages);
        var expanded = ErbExpander.Expand(path.SourcePath, body, environment, diagnostics);
        var text = HugoShortcodeExpander.Expand(path.SourcePath, expanded.Text, expanded.Map, diagnostics, index);
        context.Diagnostics.ReportAll(diagnostics);
        return ParkedMarkdown.WithText(document, text)
            .With(JobFamilyKeys.SourceMap, expanded.Map)
            .With(JobFamilyKeys.ListedFolders, environment.ListedFolders)
            .DependsOn(environment.UsedFiles);
    }

    private static string TitleOf(Document page)
    {
        var title = page.Get(JobFamilyKeys.FrontMatter).Title;
        if (!string.IsNullOrWhiteSpace(title))
        {
            return title.Trim();
        }

        var slug = page.Get(JobFamilyKeys.PathInfo).Slug;
        return slug[(slug.LastIndexOf('/') + 1)..];
    }
}
