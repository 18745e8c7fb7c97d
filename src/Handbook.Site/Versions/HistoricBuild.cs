namespace Handbook.Site.Versions;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Stages;
using Handbook.JobFamilies.Versions.Diff;
using Handbook.Pipeline;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;

/// <summary>
/// Renders pages of one commit with the domain stages (<see cref="JobFamiliesPlugin.AddJobFamilies"/>: front matter,
/// ERB, parsing, grades, extends, badges, body HTML) run on in-memory documents: the pages wanted, the pages they
/// link to, the commit's partials and its grade data – exactly as a build of that commit would, minus the pages
/// nothing here depends on. The diagnostics of old versions are not the build's: they describe mistakes that were
/// in the page then, so only the unknown grades are kept (and shown on the version and history pages).
/// </summary>
/// <param name="options">The plugin's options.</param>
/// <param name="views">The current build's page views (a version is shown with the current site's navigation).</param>
/// <param name="gradeTables">The build's grade tables, read once per distinct grade file; null reads each batch's
/// file in the batch with the plugin's <see cref="ResolveGrades"/> (the tests' oracle).</param>
/// <param name="bodiesAsUtf8">Each version's body is kept as the UTF-8 bytes <see cref="RenderBodyHtml"/> sanitises
/// into (<see cref="FamilyView.BodyHtmlUtf8"/>, as the current pages of one-shot builds): no body string is made, and
/// the render cache stores the bytes as they are (issue 9). False keeps the string (the tests' oracle).</param>
/// <param name="runsStagesInSite">The stages run in an engine <see cref="Site"/> (the tests' oracle) instead of
/// <see cref="HistoricStages"/>, which hands on the same documents without the engine's bookkeeping.</param>
/// <param name="skipsUnreachedPages">Linked pages no "extends" statement of the batch reaches are not parsed
/// (<see cref="ReachedPages"/>); false always parses them (the tests' oracle).</param>
public sealed class HistoricBuild(
    JobFamiliesOptions options, PageViews views, HistoricGradeTables? gradeTables = null, bool bodiesAsUtf8 = true, bool runsStagesInSite = false, bool skipsUnreachedPages = true)
{
    // One Markdig pipeline for every commit's build (pipelines are immutable and thread-safe).
    private readonly Markdig.MarkdownPipeline _pipeline = JobFamiliesPlugin.CreatePipeline(options);
    private int _skippedLinkedPages;
    private int _wholeBatchFallbacks;

    /// <summary>Linked pages left unparsed because no statement of their batch reaches them (all batches so far).</summary>
    public int SkippedLinkedPages => Volatile.Read(ref _skippedLinkedPages);

    /// <summary>Batches rendered whole after their reached pages' expansion could have differed (all batches so far).</summary>
    public int WholeBatchFallbacks => Volatile.Read(ref _wholeBatchFallbacks);

    public async Task<IReadOnlyDictionary<string, HistoricContent>> RenderAsync(
        IReadOnlyList<Document> inputs, IReadOnlySet<string> wanted, bool hasGradeData, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        // The domain's stages in the plugin's order, without the checks that only report (KD0xx, HTML0xx): an old
        // version's diagnostics are not the build's, and the body is sanitised when rendered either way. The content
        // check's one change to the page (a stray tag shown as text) stays, so a version shows what its page showed.
        var pipeline = _pipeline;
        var services = new ServiceRegistry();
        services.Add(options);
        services.Add(pipeline);
        IStage[] stages =
        [
            new ReadFrontMatter(),
            new ExpandErb(looksRefsUpAmongPages: false),
            new ParseJobFamilies(new JobFamilyParser(pipeline)),
            new ShowStrayTagsAsText(),
            new ResolveGrades(options.GradesDataPath, gradeTables is null ? null : gradeTables.Of),
            new ExpandExtendsStatements(),
            new KeepWantedPages(wanted),
            new AddGradeBadges(),
            new RenderBodyHtml(pipeline, keepsBodyAsUtf8: bodiesAsUtf8),
        ];
        var documents = runsStagesInSite
            ? await RunInSiteAsync(stages, inputs, pipeline, maxDegreeOfParallelism, cancellationToken).ConfigureAwait(false)
            : (skipsUnreachedPages ? await RunReachedPagesAsync(inputs, wanted, services, maxDegreeOfParallelism, cancellationToken).ConfigureAwait(false) : null)
                ?? await HistoricStages.RunAsync(stages, inputs, services, maxDegreeOfParallelism, cancellationToken).ConfigureAwait(false);
        var rendered = new Dictionary<string, HistoricContent>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (wanted.Contains(document.SourcePath)
                && document.TryGet(JobFamilyKeys.Family, out var family)
                && document.TryGet(JobFamilyKeys.BodyHtml, out var body))
            {
                var unknown = hasGradeData
                    ? family.Roles.Where(r => r.Grade is { Resolved: false }).Select(r => r.Grade!.Value).Distinct(StringComparer.Ordinal).ToList()
                    : [];
                // A body kept as UTF-8 goes to the version page (and the render cache) as its bytes, as CurrentPages
                // hands on a current page's; an empty body stays the empty string either way.
                var utf8 = RenderedBody.TryGetUtf8(document, out var bytes) ? bytes : null;
                // No family pager on a version page (as CurrentPages: the neighbours would be today's). The historic
                // model is not the current catalogue's, so FamilyOf finds none anyway; said here, not left to that.
                rendered[document.SourcePath] = new HistoricContent(
                    views.FamilyOf(FamilyCatalog.Entry(document, family, body)) with { Children = [], BodyHtmlUtf8 = utf8, Previous = null, Next = null },
                    MermaidBlocks.Any(family.Body),
                    VersionModelMapper.From(family),
                    unknown);
            }
        }

        return rendered;
    }

    /// <summary>
    /// The batch's stages over the pages its statements can reach, or null when there is no linked page to skip; the
    /// whole batch when the expansion could differ from the whole batch's (<see cref="ExpandExtendsWithinBatch"/>).
    /// Front matter and ERB run over the whole batch (ERB lists the batch's pages by their front matter); parsing, stray
    /// tags and grades, which are per page, over the wanted pages, partials and grade data, then over the linked pages
    /// their statements link to, transitively (<see cref="ReachedPages"/>); extends and the rest over those, in the
    /// batch's order. Each wanted page comes out as from one run over the batch: expansion reads only the pages the
    /// statements resolve to, and the stages after it see only the wanted pages (<see cref="KeepWantedPages"/>).
    /// </summary>
    private async Task<IReadOnlyList<Document>?> RunReachedPagesAsync(
        IReadOnlyList<Document> inputs, IReadOnlySet<string> wanted, ServiceRegistry services, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var gradesDataPath = options.GradesDataPath;
        if (!inputs.Any(d => ReachedPages.IsLinked(d, wanted, gradesDataPath)))
        {
            return null;
        }

        IStage[] reading = [new ReadFrontMatter(), new ExpandErb(looksRefsUpAmongPages: false)];
        IStage[] perPage =
        [
            new ParseJobFamilies(new JobFamilyParser(_pipeline)),
            new ShowStrayTagsAsText(),
            new ResolveGrades(options.GradesDataPath, gradeTables is null ? null : gradeTables.Of),
        ];
        var read = await HistoricStages.RunAsync(reading, inputs, services, maxDegreeOfParallelism, cancellationToken).ConfigureAwait(false);
        var urls = BatchFamilyLookup.SiteUrlsOf(read);
        var byPath = read.ToDictionary(d => d.SourcePath, StringComparer.Ordinal);
        var prepared = new Dictionary<string, Document>(StringComparer.Ordinal);

        // Each reached page's statements, found once: for the pages they link to, then by the resolver (no tree changes
        // from a page's grade pass to the expansion), as a family batch of the current site does.
        var statements = new FoundStatementsMemo();
        var next = read.Where(d => !ReachedPages.IsLinked(d, wanted, gradesDataPath)).ToList();
        var firstRound = true;
        while (next.Count > 0)
        {
            // The grade data goes with every round's pages (their grades are resolved against it); the first round's
            // copy is the one kept.
            var batch = firstRound || !byPath.TryGetValue(gradesDataPath, out var data) ? next : [.. next, data];
            var parsed = await HistoricStages.RunAsync(perPage, batch, services, maxDegreeOfParallelism, cancellationToken).ConfigureAwait(false);
            var added = new List<Document>();
            foreach (var document in parsed)
            {
                if (prepared.TryAdd(document.SourcePath, document))
                {
                    added.Add(document);
                }
            }

            firstRound = false;
            next = ReachedPages.LinkedBy(added, urls, statements)
                .Where(path => !prepared.ContainsKey(path) && byPath.ContainsKey(path))
                .Select(path => byPath[path])
                .ToList();
        }

        var reached = read.Select(d => prepared.GetValueOrDefault(d.SourcePath)).OfType<Document>().ToList();
        var expand = new ExpandExtendsWithinBatch(urls, statements);

        // Every linked page reached: the whole batch, expanded as the plugin's stage does.
        IStage expanding = prepared.Count == read.Count ? new ExpandExtendsStatements(statements) : expand;
        var expanded = await HistoricStages.RunAsync([expanding], reached, services, maxDegreeOfParallelism, cancellationToken).ConfigureAwait(false);
        IStage[] trailing = [new KeepWantedPages(wanted), new AddGradeBadges(), new RenderBodyHtml(_pipeline, keepsBodyAsUtf8: bodiesAsUtf8)];
        if (expand.LeftBatch is not null)
        {
            // The parsed pages were changed in place by the expansion: the whole batch from its front matter and ERB
            // on, which are as they were (the documents themselves are never changed). Parsed again, so new trees:
            // the memo's statements are of the changed ones and are not passed on.
            Interlocked.Increment(ref _wholeBatchFallbacks);
            IStage[] wholeBatch = [.. perPage, new ExpandExtendsStatements(), .. trailing];
            return await HistoricStages.RunAsync(wholeBatch, read, services, maxDegreeOfParallelism, cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Add(ref _skippedLinkedPages, read.Count - prepared.Count);
        return await HistoricStages.RunAsync(trailing, expanded, services, maxDegreeOfParallelism, cancellationToken).ConfigureAwait(false);
    }

    // The engine's run of the same stages (never rebuilt incrementally, so it keeps no run record): the tests' oracle.
    private async Task<IReadOnlyList<Document>> RunInSiteAsync(
        IStage[] stages, IReadOnlyList<Document> inputs, Markdig.MarkdownPipeline pipeline, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var site = new Site { MaxDegreeOfParallelism = maxDegreeOfParallelism, KeepsRunRecord = false };
        site.Services.Add(options);
        site.Services.Add(pipeline);
        site.AddStages(stages);
        return (await site.RunAsync(inputs, cancellationToken).ConfigureAwait(false)).Documents;
    }
}
