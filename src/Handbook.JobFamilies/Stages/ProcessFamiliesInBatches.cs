namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Markdig;

/// <summary>
/// The plugin's stages from parsing to body rendering (parse → check kramdown → check content safety → resolve grades
/// → expand extends → add grade badges → render body HTML) run over a batch of pages at a time, so that a build never
/// holds every page's Markdown tree at once (issue 9: at synthetic N = 10000 the trees of all families, ≈ 2 GiB, were
/// alive from parsing to the theme, the build's peak). Each batch's bodies are rendered, kept compressed for the theme
/// (<see cref="DeferredBody.FromRendered"/>), and its trees let go before the next batch is parsed.
/// </summary>
/// <remarks>
/// <para>
/// A batch is a run of consecutive pages plus the pages its "extends" statements link to, transitively (found on the
/// parsed statements, <see cref="StatementFinder"/>); those are parsed again for the batch and only read. Extends is
/// expanded for the batch's own pages as an incremental rebuild expands the pages it recomputes
/// (<see cref="ExpandExtends.Run(IReadOnlyList{JobFamily}, DiagnosticBag, IReadOnlySet{JobFamily})"/>), which gives
/// them what expanding every page gives them. Diagnostics are the union of every batch's: the bag keeps a finding
/// reported by several batches once, and every page's findings are the same in each batch that parses it.
/// </para>
/// <para>
/// Exact or not at all: when a batch's result could depend on a page outside it – a statement's link led to a family
/// outside the batch, a role name was searched on every page (<see cref="BatchFamilyLookup"/>), a cycle was broken
/// (which link goes depends on the order every page's statements are visited in), a stage failed or dropped a page –
/// the batches' work and diagnostics are dropped and the stages run over the whole set as before
/// (<see cref="LastRun"/> says why). For one-shot builds that defer bodies to the theme
/// (<see cref="JobFamiliesOptions.DefersBodyHtml"/>, <see cref="JobFamiliesOptions.ReleasesSyntaxTrees"/>); an
/// incremental run always takes the whole-set path.
/// </para>
/// </remarks>
public sealed partial class ProcessFamiliesInBatches : IConsumesInput
{
    /// <summary>
    /// Pages per batch: enough to keep both cores busy in the per-page passes; the trees of a batch and its linked
    /// pages (≈ 214 KiB a family at synthetic N = 10000) are then about 10 MiB. Smaller batches die younger: at
    /// synthetic N = 10000 (one build each, fourteenth session) batches of 200 peaked at 1.45–1.47 GiB with 11–12 s of
    /// collector pauses, of 50 at 1.34 GiB (8.2 s), of 25 at 1.26 GiB (8.5 s), of 10 at 1.34 GiB (8.0 s), at about the
    /// same CPU; smaller batches parse more linked pages again where statements link across pages.
    /// </summary>
    public const int DefaultFamiliesPerBatch = 50;

    /// <summary>
    /// Sites with fewer pages than this run the whole-set stages (a build's default; the stage's own default is to
    /// batch any site larger than one batch). Such a site's trees are small (≈ 40 MiB at 200 pages), and a real
    /// handbook's statements search other pages' role names, which makes a batched build fall back to the whole set
    /// after its first batch: work done twice for a batch.
    /// </summary>
    public const int DefaultSmallestBatchedSite = 200;

    private readonly MarkdownPipeline _pipeline;

    // One parser for every batch: its pool makes equal link addresses one string across all pages (LinkUrlPool), as
    // the whole-set parse does.
    private readonly JobFamilyParser _parser;
    private readonly string _gradesDataPath;
    private readonly int _familiesPerBatch;
    private readonly int _smallestBatchedSite;
    private readonly IReadOnlyList<IStage> _wholeSet;
    private readonly IFamilyBatchOutputs? _batchOutputs;
    private readonly ICompressedTextSpool? _textSpool;

    /// <param name="pipeline">The site's Markdig pipeline.</param>
    /// <param name="gradesDataPath">The grade data file (<see cref="JobFamiliesOptions.GradesDataPath"/>).</param>
    /// <param name="wholeSet">The stages this one stands for, in order: what runs when batches cannot be exact.</param>
    /// <param name="familiesPerBatch">Own pages per batch.</param>
    /// <param name="smallestBatchedSite">Fewer pages than this run the whole-set stages (<see cref="DefaultSmallestBatchedSite"/>).</param>
    /// <param name="batchOutputs">The app's outputs made of each batch's families once it is rendered (so their bullets can go
    /// with the batch); null makes none.</param>
    /// <param name="textSpool">Where the rendered bodies and the parked Markdown wait off the heap (<see cref="ICompressedTextSpool"/>);
    /// null keeps them on it.</param>
    public ProcessFamiliesInBatches(MarkdownPipeline pipeline, string gradesDataPath, IReadOnlyList<IStage> wholeSet, int familiesPerBatch = DefaultFamiliesPerBatch, int smallestBatchedSite = 0, IFamilyBatchOutputs? batchOutputs = null, ICompressedTextSpool? textSpool = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(gradesDataPath);
        ArgumentNullException.ThrowIfNull(wholeSet);
        ArgumentOutOfRangeException.ThrowIfLessThan(familiesPerBatch, 1);
        _pipeline = pipeline;
        _parser = new JobFamilyParser(pipeline);
        _gradesDataPath = gradesDataPath;
        _wholeSet = wholeSet;
        _familiesPerBatch = familiesPerBatch;
        _smallestBatchedSite = smallestBatchedSite;
        _batchOutputs = batchOutputs;
        _textSpool = textSpool;
    }

    public string Name => nameof(ProcessFamiliesInBatches);

    /// <summary>
    /// Whether a site of <paramref name="pages"/> job-family pages runs in batches of <paramref name="familiesPerBatch"/>
    /// with <paramref name="smallestBatchedSite"/> (the stage's own rule, which the reading stage also asks before it
    /// reads: only pages of a batched site are parked as they are read, <see cref="SplitFrontMatterWhenRead.ForRead"/>).
    /// </summary>
    public static bool BatchesSiteOf(int pages, int familiesPerBatch, int smallestBatchedSite) =>
        pages > familiesPerBatch && pages >= smallestBatchedSite;

    /// <summary>What the last run did (for <c>--verbose</c> and the tests); null before the first run.</summary>
    public FamilyBatchRun? LastRun { get; private set; }

    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Incremental is not null)
        {
            LastRun = new FamilyBatchRun(0, 0, 0, "an incremental run");
            return await RunWholeSetAsync(documents, context).ConfigureAwait(false);
        }

        // Taken out of the engine's list (one-shot runs): a page's text goes once its batch is done (Input).
        var input = new Input(documents, _textSpool);
        var (run, output) = await RunInBatchesAsync(input, context).ConfigureAwait(false);
        LastRun = run with { PagesParkedWhenRead = input.ParkedWhenRead };
        if (output is not null)
        {
            return output;
        }

        // The whole set's families are other objects: what the batches' outputs made of theirs is dropped.
        _batchOutputs?.Discard();
        return await RunWholeSetAsync(input.Restored(), context).ConfigureAwait(false);
    }

    /// <summary>What the batches did, and the stage's output (null when the whole-set path must run).</summary>
    private async Task<(FamilyBatchRun Run, IReadOnlyList<Document>? Output)> RunInBatchesAsync(Input documents, StageContext context)
    {
        var pages = new List<int>();
        var byUrl = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int? gradeData = null;
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (ParseJobFamilies.Parses(document))
            {
                pages.Add(i);
                byUrl.TryAdd(FamilyLookup.Normalize(document.Get(JobFamilyKeys.PathInfo).Url), i);
            }
            else if (gradeData is null && string.Equals(document.SourcePath, _gradesDataPath, StringComparison.Ordinal) && !document.IsBinary)
            {
                gradeData = i;
            }
        }

        if (pages.Count == 0)
        {
            return (new FamilyBatchRun(0, 0, 0, "no job-family page"), null);
        }

        // A site that fits in one batch gains nothing from batches (its trees are all alive at once either way), and a
        // statement that searches other pages' role names – every real handbook has some – would make the one batch
        // fall back and run everything a second time.
        if (!BatchesSiteOf(pages.Count, _familiesPerBatch, _smallestBatchedSite))
        {
            var reason = pages.Count <= _familiesPerBatch ? "every page fits in one batch" : $"fewer than {_smallestBatchedSite} pages";
            return (new FamilyBatchRun(0, pages.Count, 0, reason), null);
        }

        // What a lookup over the whole site finds for each URL (the first page with it), for the batches' lookups.
        var siteUrls = byUrl.ToDictionary(p => p.Key, p => documents[p.Value].SourcePath, StringComparer.OrdinalIgnoreCase);
        var output = new Document[documents.Count];
        var diagnostics = new List<IReadOnlyList<Diagnostic>>();
        var grades = new GradeTableHolder();
        var batches = 0;
        var linkedParses = 0;
        var bodyBytes = 0L;
        foreach (var own in BatchOrder(documents, pages).Chunk(_familiesPerBatch))
        {
            var batch = new FamilyBatch(this, documents, own, gradeData, byUrl, siteUrls, grades, context);
            var reason = await batch.RunAsync().ConfigureAwait(false);
            reason ??= _batchOutputs?.Record(batch.Processed.ConvertAll(p => p.Document), context);
            if (reason is not null)
            {
                return (new FamilyBatchRun(batches, pages.Count, linkedParses, reason), null);
            }

            batches++;
            linkedParses += batch.LinkedCount;
            foreach (var (position, processed) in batch.Processed)
            {
                output[position] = processed;
                bodyBytes += processed.TryGet(JobFamilyKeys.DeferredBody, out var body) ? body.CompressedSize : 0;
            }

            Parallel.ForEach(
                own,
                new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
                documents.Park);

            diagnostics.Add(batch.Diagnostics);
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] ??= documents[i];
        }

        if (gradeData is { } dataPosition)
        {
            output[dataPosition] = grades.DataDocument ?? output[dataPosition];
        }

        foreach (var reported in diagnostics)
        {
            context.Diagnostics.ReportAll(reported);
        }

        return (new FamilyBatchRun(batches, pages.Count, linkedParses, null) { CompressedBodyBytes = bodyBytes, CompressedTextBytes = documents.ParkedBytes }, output);
    }

    /// <summary>
    /// The pages in the order the batches take them: the site order, except that the pages the app's outputs depend on
    /// (<see cref="IFamilyBatchOutputs.GoesFirst"/>) come first. Exact in any order: a batch's result does not depend on
    /// the other batches (or the stage falls back), and every page keeps its position in the output.
    /// </summary>
    private List<int> BatchOrder(Input documents, List<int> pages)
    {
        if (_batchOutputs is not { } outputs)
        {
            return pages;
        }

        var first = new List<int>();
        var rest = new List<int>(pages.Count);
        foreach (var page in pages)
        {
            (outputs.GoesFirst(documents[page].Get(JobFamilyKeys.PathInfo)) ? first : rest).Add(page);
        }

        return [.. first, .. rest];
    }

    /// <summary>The stages this one stands for, over every document, as the engine runs them (a failed stage passes its input on).</summary>
    private async Task<IReadOnlyList<Document>> RunWholeSetAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var current = documents;
        foreach (var stage in _wholeSet)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            current = await StageRunner.RunAsync(stage, current, context).ConfigureAwait(false);
        }

        return current;
    }

    /// <summary>The grade table the first batch read (and reported on), shared by the later ones.</summary>
    private sealed class GradeTableHolder
    {
        public GradeTable? Table { get; private set; }

        /// <summary>The grade data document as <see cref="ResolveGrades"/> hands it on (with its table).</summary>
        public Document? DataDocument { get; private set; }

        public ResolveGrades Stage(string gradesDataPath) =>
            Table is null ? new ResolveGrades(gradesDataPath) : new ResolveGrades(gradesDataPath, SharedTable);

        public void Keep(Document data)
        {
            if (DataDocument is null && data.TryGet(JobFamilyKeys.GradeTable, out var table))
            {
                DataDocument = data;
                Table = table;
            }
        }

        private GradeTable SharedTable(string path, string text) => Table!;
    }

    /// <summary>One batch: its own pages and the pages their statements link to, parsed, expanded and rendered.</summary>
    private sealed class FamilyBatch(
        ProcessFamiliesInBatches stage,
        Input documents,
        int[] own,
        int? gradeData,
        Dictionary<string, int> byUrl,
        Dictionary<string, string> siteUrls,
        GradeTableHolder grades,
        StageContext outer)
    {
        private readonly DiagnosticBag _bag = new();
        private readonly SortedDictionary<int, Document> _parsed = [];

        // Each parsed page's statements, found once: for the pages they link to, then by the resolver (the trees do not
        // change from a page's grade pass to the expansion).
        private readonly FoundStatementsMemo _statements = new();

        public int LinkedCount => _parsed.Count - own.Length;

        /// <summary>The own pages, processed, by position.</summary>
        public List<(int Position, Document Document)> Processed { get; } = [];

        public IReadOnlyList<Diagnostic> Diagnostics => _bag.Sorted();

        /// <summary>Runs the batch; null when it is exact, else why not.</summary>
        public async Task<string?> RunAsync()
        {
            var context = new StageContext(_bag, outer.Services, outer.CancellationToken) { MaxDegreeOfParallelism = outer.MaxDegreeOfParallelism };
            try
            {
                IReadOnlyList<int> frontier = own;
                while (frontier.Count > 0)
                {
                    var parsed = await ParseAsync(frontier, context).ConfigureAwait(false);
                    if (parsed is null)
                    {
                        return "a stage failed or dropped a page";
                    }

                    frontier = Linked(parsed);
                }

                return await ExpandAndRenderAsync(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (outer.CancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any failure sends the build to the whole-set path, which reports it as the engine does.
            catch (Exception)
#pragma warning restore CA1031
            {
                outer.CancellationToken.ThrowIfCancellationRequested();
                return "a stage failed or dropped a page";
            }
        }

        /// <summary>Parses, checks and resolves grades of the pages at <paramref name="positions"/>; null when a page was dropped.</summary>
        private async Task<List<int>?> ParseAsync(IReadOnlyList<int> positions, StageContext context)
        {
            IReadOnlyList<Document> current = positions.Select(documents.ForParsing).ToList();
            IStage[] perPage = [new ParseJobFamilies(stage._parser), new CheckKramdownSyntax(), new CheckContentSafety()];
            foreach (var pass in perPage)
            {
                current = await StageRetry.ExecuteAsync(pass, current, context).ConfigureAwait(false);
                if (current.Count != positions.Count)
                {
                    return null;
                }
            }

            var withData = gradeData is { } data ? [.. current, documents[data]] : current;
            var resolved = await StageRetry.ExecuteAsync(grades.Stage(stage._gradesDataPath), withData, context).ConfigureAwait(false);
            if (resolved.Count != withData.Count)
            {
                return null;
            }

            if (gradeData is not null)
            {
                grades.Keep(resolved[^1]);
            }

            for (var i = 0; i < positions.Count; i++)
            {
                _parsed[positions[i]] = resolved[i];
            }

            return [.. positions];
        }

        /// <summary>The pages the statements of <paramref name="positions"/> link to that the batch has not parsed yet.</summary>
        private List<int> Linked(List<int> positions)
        {
            var families = new List<JobFamily>(positions.Count);
            foreach (var position in positions)
            {
                if (_parsed[position].TryGet(JobFamilyKeys.Family, out var family))
                {
                    families.Add(family);
                }
            }

            _statements.FindAll(families, new ParallelOptions { CancellationToken = outer.CancellationToken, MaxDegreeOfParallelism = outer.MaxDegreeOfParallelism });
            var linked = new SortedSet<int>();
            foreach (var family in families)
            {
                foreach (var url in StatementLinks.FamilyUrlsOf(family, _statements))
                {
                    if (byUrl.TryGetValue(url, out var page) && !_parsed.ContainsKey(page))
                    {
                        linked.Add(page);
                    }
                }
            }

            return [.. linked];
        }

        private async Task<string?> ExpandAndRenderAsync(StageContext context)
        {
            var families = new List<JobFamily>(_parsed.Count);
            var owners = new HashSet<JobFamily>(ReferenceEqualityComparer.Instance);
            var ownPositions = own.ToHashSet();
            foreach (var (position, document) in _parsed)
            {
                if (document.TryGet(JobFamilyKeys.Family, out var family))
                {
                    families.Add(family);
                    if (ownPositions.Contains(position))
                    {
                        owners.Add(family);
                    }
                }
            }

            var lookup = new BatchFamilyLookup(families, siteUrls);
            var resolution = new ExpandExtends(lookup, statements: _statements).Run(families, _bag, owners);
            if (lookup.WhyNotExact(resolution) is { } notExact)
            {
                return notExact;
            }

            var ownDocuments = ExpandExtendsStatements.DeclareSources(own.Select(p => _parsed[p]).ToList(), owners, resolution);
            var badged = await StageRetry.ExecuteAsync(new AddGradeBadges(), ownDocuments, context).ConfigureAwait(false);
            if (badged.Count != own.Length)
            {
                return "a stage failed or dropped a page";
            }

            var rendered = new Document[badged.Count];
            Parallel.For(
                0,
                badged.Count,
                new ParallelOptions { CancellationToken = outer.CancellationToken, MaxDegreeOfParallelism = outer.MaxDegreeOfParallelism },
                i => rendered[i] = Render(badged[i]));
            for (var i = 0; i < own.Length; i++)
            {
                Processed.Add((own[i], rendered[i]));
            }

            return null;
        }

        /// <summary>As <see cref="RenderBodyHtml"/> leaves a deferred body, but rendered now and kept compressed.</summary>
        private Document Render(Document document)
        {
            if (!document.TryGet(JobFamilyKeys.Family, out var family))
            {
                return document;
            }

            var html = RenderBodyHtml.RenderBuffered(family.Body, stage._pipeline);
            var rendered = document.With(JobFamilyKeys.BodyHtml, string.Empty).With(JobFamilyKeys.DeferredBody, DeferredBody.FromRendered(html.Span, stage._textSpool));
            return family.BodyFacts is not null
                ? rendered
                : rendered.With(JobFamilyKeys.Family, SyntaxTreeRelease.Release(family)).With(JobFamilyKeys.MarkdownBody, string.Empty);
        }
    }
}

/// <summary>What <see cref="ProcessFamiliesInBatches"/> did in one run.</summary>
/// <param name="Batches">Batches run (all of them when it did not fall back).</param>
/// <param name="Pages">Job-family pages of the site.</param>
/// <param name="LinkedParses">Pages parsed again because a batch's statements link to them.</param>
/// <param name="FallbackReason">Why the whole-set path ran instead, or null.</param>
public sealed record FamilyBatchRun(int Batches, int Pages, int LinkedParses, string? FallbackReason)
{
    /// <summary>Bytes of the compressed bodies handed to the theme.</summary>
    public long CompressedBodyBytes { get; init; }

    /// <summary>Bytes of the compressed page texts at the end of the last batch (let go with the stage).</summary>
    public long CompressedTextBytes { get; init; }

    /// <summary>Pages whose body came to the stage parked as it was read (<see cref="SplitFrontMatterWhenRead"/>).</summary>
    public int PagesParkedWhenRead { get; init; }

    /// <summary>One line for <c>--verbose</c> (pages parked when read are named when there are any).</summary>
    public string Describe()
    {
        var parked = PagesParkedWhenRead > 0 ? $"; {PagesParkedWhenRead} pages parked when read" : string.Empty;
        return FallbackReason is null
            ? $"family batches: {Batches} for {Pages} pages, {LinkedParses} linked pages parsed again; compressed {CompressedBodyBytes / 1048576.0:0.0} MiB of bodies, {CompressedTextBytes / 1048576.0:0.0} MiB of texts{parked}"
            : $"family batches: whole set instead ({FallbackReason}; {Batches} batches done before{parked})";
    }
}
