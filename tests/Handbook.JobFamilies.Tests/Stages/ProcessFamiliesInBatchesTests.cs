namespace Handbook.JobFamilies.Tests.Stages;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// <see cref="ProcessFamiliesInBatches"/> over in-memory pages: the oracle is the same stages run over the whole set
/// (bodies deferred to the theme, trees released, as a one-shot build without versions has them).
/// </summary>
public class ProcessFamiliesInBatchesTests
{
    private const string Analyst = "job-families/sales/widget-analyst.md";
    private const string Manager = "job-families/sales/widget-manager.md";
    private const string Director = "job-families/sales/widget-director.md";
    private const string SalesIndex = "job-families/sales/index.html.md";

    private static readonly (string Path, string Text) AnalystPage = (Analyst, """
        ---
        title: Widget Analyst
        ---
        ## Levels

        ### Widget Analyst

        #### Responsibilities

        * Count widgets
        * Report on [widget counts](https://example.com/counts)

        ### Senior Widget Analyst

        #### Responsibilities

        * Extends the Widget Analyst responsibilities
        * Lead the counting
        """);

    // Links to the analyst page: its batch must read that page too.
    private static readonly (string Path, string Text) ManagerPage = (Manager, """
        ---
        title: Widget Manager
        ---
        ## Levels

        ### Widget Manager

        #### Responsibilities

        * Extends the [Senior Widget Analyst responsibilities](/job-families/sales/widget-analyst/#senior-widget-analyst)
        * Hire analysts
        """);

    // Links to the manager page, which links on to the analyst page: the batch reads both.
    private static readonly (string Path, string Text) DirectorPage = (Director, """
        ---
        title: Widget Director
        ---
        ## Levels

        ### Widget Director

        #### Responsibilities

        * Extends the [Widget Manager responsibilities](/job-families/sales/widget-manager/)
        * Set the direction
        """);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Given_pages_that_inherit_across_pages_When_processed_in_batches_Then_bodies_models_and_diagnostics_are_the_whole_sets(int perBatch)
    {
        // Given three pages, each inheriting from the one before through a link (and a page that is not a family)
        (string, string)[] pages = [AnalystPage, DirectorPage, ManagerPage, ("data/other.yml", "a: 1\n")];

        // When processed in batches of perBatch pages, and over the whole set
        var (batched, run) = await BuildAsync(perBatch, pages);
        var (whole, _) = await BuildAsync(0, pages);

        // Then the batches were exact (no fallback), a batch read the pages its pages link to, transitively...
        Assert.NotNull(run);
        Assert.Null(run.FallbackReason);
        Assert.Equal((3 + perBatch - 1) / perBatch, run.Batches);
        if (perBatch == 1)
        {
            // (the director's batch reads manager and analyst, the manager's the analyst)
            Assert.Equal(3, run.LinkedParses);
        }

        // ...and every page is what the whole-set stages make of it
        var bodies = AssertSame(whole, batched);
        // (the director inherits the analyst's bullets through the manager)
        Assert.Contains("Count widgets", bodies[Director], StringComparison.Ordinal);
        Assert.Contains("data-inherited-from=\"/job-families/sales/widget-analyst/", bodies[Director], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(ProcessFamiliesInBatches.DefaultFamiliesPerBatch)]
    public async Task Given_no_more_pages_than_a_batch_holds_When_processed_Then_the_whole_set_path_runs_at_once(int perBatch)
    {
        // Given three pages inheriting across pages, and batches that could hold all of them
        (string, string)[] pages = [AnalystPage, DirectorPage, ManagerPage];

        // When processed
        var (batched, run) = await BuildAsync(perBatch, pages);
        var (whole, _) = await BuildAsync(0, pages);

        // Then no batch ran (one batch of every page would only add work, and fall back on a cross-page name search)
        Assert.NotNull(run);
        Assert.Equal("every page fits in one batch", run.FallbackReason);
        Assert.Equal(0, run.Batches);
        AssertSame(whole, batched);
    }

    [Fact]
    public async Task Given_a_statement_naming_a_role_of_another_page_without_a_link_When_processed_in_batches_Then_the_whole_set_path_runs_and_says_why()
    {
        // Given a page whose statement names the analyst page's role without linking to it: the resolver searches every
        // page for the name, which a batch cannot do exactly
        (string, string)[] pages =
        [
            AnalystPage,
            ("job-families/sales/gadget-lead.md", "---\ntitle: Gadget Lead\n---\n## Levels\n\n### Gadget Lead\n\n#### Responsibilities\n\n* Extends the Senior Widget Analyst responsibilities\n* Lead gadgets\n"),
        ];

        // When processed in batches of one page
        var (batched, run) = await BuildAsync(1, pages);
        var (whole, _) = await BuildAsync(0, pages);

        // Then the stage fell back to the whole set, said why, and made what the whole set makes (the cross-page match included)
        Assert.NotNull(run);
        Assert.Equal("a role name was searched on every page", run.FallbackReason);
        Assert.Contains("whole set instead", run.Describe(), StringComparison.Ordinal);
        var bodies = AssertSame(whole, batched);
        Assert.Contains("data-inherited-from=\"/job-families/sales/widget-analyst/", bodies["job-families/sales/gadget-lead.md"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_pages_that_extend_each_other_in_a_cycle_When_processed_in_batches_Then_the_whole_set_path_runs_and_reports_the_cycle_once()
    {
        // Given two pages whose roles extend each other through links: which link is dropped depends on the order every
        // page's statements are visited in
        (string, string)[] pages =
        [
            ("job-families/sales/alpha.md", "---\ntitle: Alpha\n---\n## Levels\n\n### Alpha Lead\n\n#### Responsibilities\n\n* Extends the [Beta Lead responsibilities](/job-families/sales/beta/)\n* Alpha work\n"),
            ("job-families/sales/beta.md", "---\ntitle: Beta\n---\n## Levels\n\n### Beta Lead\n\n#### Responsibilities\n\n* Extends the [Alpha Lead responsibilities](/job-families/sales/alpha/)\n* Beta work\n"),
        ];

        // When processed in batches of one page
        var (batched, run) = await BuildAsync(1, pages);
        var (whole, _) = await BuildAsync(0, pages);

        // Then the stage fell back, and the cycle is reported as the whole set reports it
        Assert.NotNull(run);
        Assert.Equal("a cycle of extends statements was broken", run.FallbackReason);
        Assert.Contains(batched.Diagnostics, d => d.Code == "EXTENDS002");
        AssertSame(whole, batched);
    }

    [Fact]
    public async Task Given_a_batched_build_When_the_engine_hands_the_stage_its_input_Then_the_stage_takes_every_document_out_of_it()
    {
        // Given the stage in a one-shot site
        var site = Site(perBatch: 1);
        var stage = Assert.Single(site.Stages.OfType<ProcessFamiliesInBatches>());

        // When it runs
        var result = await site.RunAsync(Inputs([AnalystPage, ManagerPage]));

        // Then it ran in batches and its output has every page, body deferred, tree released and Markdown let go
        Assert.Null(stage.LastRun!.FallbackReason);
        var families = result.Documents.Where(d => d.Metadata.Contains(JobFamilyKeys.Family)).ToList();
        Assert.Equal(2, families.Count);
        Assert.All(families, d =>
        {
            Assert.Empty(d.Get(JobFamilyKeys.MarkdownBody));
            Assert.NotNull(d.Get(JobFamilyKeys.Family).BodyFacts);
            Assert.True(d.Get(JobFamilyKeys.DeferredBody).CompressedSize > 0);
        });
    }

    [Fact]
    public async Task Given_batch_outputs_When_processed_in_batches_Then_each_page_is_handed_over_once_in_its_batch_index_pages_first()
    {
        // Given three families and a department index page listed last, and outputs that record what they are given
        (string, string)[] pages = [AnalystPage, DirectorPage, ManagerPage, (SalesIndex, "---\ntitle: Sales\n---\nThe sales families.\n")];
        var outputs = new RecordingBatchOutputs();

        // When processed in batches of two pages
        var (batched, run) = await BuildAsync(2, pages, outputs);
        var (whole, _) = await BuildAsync(0, pages);

        // Then the batches were exact, each page was handed over exactly once, the index page in the first batch, each
        // batch once with the families the stage hands on (released trees), and nothing was discarded
        Assert.Null(run!.FallbackReason);
        Assert.Equal(2, outputs.Batches.Count);
        Assert.Equal([SalesIndex, Analyst], outputs.Batches[0]);
        Assert.Equal([SalesIndex, Analyst, Director, Manager], outputs.Batches.SelectMany(b => b).Order(StringComparer.Ordinal));
        Assert.All(outputs.Families, f => Assert.NotNull(f.BodyFacts));
        Assert.Equal(
            batched.Documents.Where(d => d.Metadata.Contains(JobFamilyKeys.Family)).Select(d => d.Get(JobFamilyKeys.Family)).Order(Comparer<JobFamily>.Create((a, b) => string.CompareOrdinal(a.SourcePath, b.SourcePath))),
            outputs.Families.Order(Comparer<JobFamily>.Create((a, b) => string.CompareOrdinal(a.SourcePath, b.SourcePath))));
        Assert.Equal(0, outputs.Discarded);
        AssertSame(whole, batched);
    }

    [Fact]
    public async Task Given_batch_outputs_that_cannot_be_exact_When_processed_in_batches_Then_the_whole_set_path_runs_and_the_outputs_are_discarded()
    {
        // Given outputs that refuse the second batch
        (string, string)[] pages = [AnalystPage, DirectorPage, ManagerPage];
        var outputs = new RecordingBatchOutputs { RefuseBatch = 2 };

        // When processed in batches of one page
        var (batched, run) = await BuildAsync(1, pages, outputs);
        var (whole, _) = await BuildAsync(0, pages);

        // Then the stage fell back with the outputs' reason, discarded what they made, and made what the whole set makes
        Assert.Equal("refused", run!.FallbackReason);
        Assert.Equal(1, run.Batches);
        Assert.Equal(1, outputs.Discarded);
        AssertSame(whole, batched);
    }

    [Fact]
    public async Task Given_batch_outputs_and_a_batch_that_falls_back_When_processed_Then_the_outputs_made_before_are_discarded()
    {
        // Given a page named without a link after one that batches exactly (the second batch falls back)
        (string, string)[] pages =
        [
            AnalystPage,
            ("job-families/sales/gadget-lead.md", "---\ntitle: Gadget Lead\n---\n## Levels\n\n### Gadget Lead\n\n#### Responsibilities\n\n* Extends the Senior Widget Analyst responsibilities\n* Lead gadgets\n"),
        ];
        var outputs = new RecordingBatchOutputs();

        // When processed in batches of one page
        var (_, run) = await BuildAsync(1, pages, outputs);

        // Then the first batch was handed over, and discarded once the second fell back
        Assert.Equal("a role name was searched on every page", run!.FallbackReason);
        Assert.Equal([[Analyst]], outputs.Batches);
        Assert.Equal(1, outputs.Discarded);
    }

    [Theory]
    [InlineData(1)] // batches
    [InlineData(10)] // every page fits in one batch: the whole-set path from the stage's input
    [InlineData(0)] // no batching stage: the whole-set stages read the parked bodies themselves
    public async Task Given_pages_parked_when_read_When_processed_Then_pages_and_diagnostics_are_those_of_pages_read_as_strings_and_no_page_keeps_its_parked_text(int perBatch)
    {
        // Given pages inheriting across pages, an ERB page including a partial and a page with an ERB tag it does not
        // expand (a warning), each read once with its body as a string and once parked (SplitFrontMatterWhenRead)
        (string, string)[] pages =
        [
            AnalystPage,
            DirectorPage,
            ManagerPage,
            ("job-families/sales/gadget-guide.html.md.erb", "---\ntitle: Gadget Guide\n---\n## Intro\n\n<%= partial('gadgets') %>\n"),
            ("includes/_gadgets.md", "Gadgets are *counted*.\n"),
            ("job-families/sales/plain.md", "---\ntitle: Plain\n---\n## Intro\n\nText <%= 1 %> here\n"),
        ];

        // When processed from both
        var (asStrings, _) = await BuildAsync(perBatch, pages);
        var (parked, run) = await BuildAsync(perBatch, pages, parksBodies: true);

        // Then the same pages, bodies and diagnostics (the ERB page expanded, the other page warned about)...
        var bodies = AssertSame(asStrings, parked);
        Assert.Contains("Gadgets are <em>counted</em>", bodies["job-families/sales/gadget-guide.html.md.erb"], StringComparison.Ordinal);
        Assert.Contains(parked.Diagnostics, d => d.Code == "ERB008");
        var expectedRun = perBatch switch
        {
            0 => "no stage",
            1 => "batches",
            _ => "every page fits in one batch",
        };
        Assert.Equal(expectedRun, run is null ? "no stage" : run.FallbackReason ?? "batches");

        // ...and no page hands a parked text on (it would stay alive to the end of the build)
        Assert.All(parked.Documents, d => Assert.Null(ParkedMarkdown.Of(d)));
    }

    [Theory]
    [InlineData(1)] // batches
    [InlineData(10)] // every page fits in one batch: the whole-set path from the stage's input
    public async Task Given_a_text_spool_When_parked_pages_are_processed_Then_pages_and_diagnostics_are_those_without_it_and_the_texts_went_to_the_spool(int perBatch)
    {
        // Given pages inheriting across pages, parked when read into a spool
        (string, string)[] pages = [AnalystPage, DirectorPage, ManagerPage];
        var spool = new MemoryTextSpool();

        // When processed with the spool, and from bodies read as strings without one
        var (asStrings, _) = await BuildAsync(perBatch, pages);
        var (spooled, run) = await BuildAsync(perBatch, pages, parksBodies: true, spool: spool);

        // Then the same pages, bodies and diagnostics, and the spool holds the three Markdown texts and, when batched,
        // the three rendered bodies (the whole-set path renders bodies in the theme: none spooled)
        AssertSame(asStrings, spooled);
        Assert.Equal(perBatch == 1 ? null : "every page fits in one batch", run!.FallbackReason);
        Assert.Equal(perBatch == 1 ? 6 : 3, spool.Count);
    }

    /// <summary>Asserts the two runs made the same pages and diagnostics; returns the bodies (rendered once) by page.</summary>
    private static Dictionary<string, string> AssertSame(BuildResult expected, BuildResult actual)
    {
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        Assert.Equal(expected.Diagnostics.Select(d => d.ToString()), actual.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(expected.Documents.Select(d => d.SourcePath), actual.Documents.Select(d => d.SourcePath));
        foreach (var (want, got) in expected.Documents.Zip(actual.Documents))
        {
            Assert.Equal(want.Metadata.Contains(JobFamilyKeys.Family), got.Metadata.Contains(JobFamilyKeys.Family));
            if (!want.Metadata.Contains(JobFamilyKeys.Family))
            {
                continue;
            }

            var body = Body(got);
            Assert.Equal(Body(want), body);
            bodies[got.SourcePath] = body;
            var (wantFamily, gotFamily) = (want.Get(JobFamilyKeys.Family), got.Get(JobFamilyKeys.Family));
            Assert.Equal(wantFamily.Roles.Select(r => (r.Name, string.Join("|", r.Extends.Select(e => e.Role)))), gotFamily.Roles.Select(r => (r.Name, string.Join("|", r.Extends.Select(e => e.Role)))));
            Assert.Equal(wantFamily.BodyFacts!.AuthoredLinks.Select(l => l.Url), gotFamily.BodyFacts!.AuthoredLinks.Select(l => l.Url));
        }

        return bodies;
    }

    private static string Body(Document page) => page.Get(JobFamilyKeys.DeferredBody).Render().ToString();

    private static async Task<(BuildResult Result, FamilyBatchRun? Run)> BuildAsync(int perBatch, (string Path, string Text)[] pages, IFamilyBatchOutputs? outputs = null, bool parksBodies = false, ICompressedTextSpool? spool = null)
    {
        var site = Site(perBatch, outputs, spool);
        var result = await site.RunAsync(parksBodies ? ParkedInputs(pages, spool) : Inputs(pages));
        return (result, site.Stages.OfType<ProcessFamiliesInBatches>().SingleOrDefault()?.LastRun);
    }

    private static Site Site(int perBatch, IFamilyBatchOutputs? outputs = null, ICompressedTextSpool? spool = null) =>
        new Site { KeepsRunRecord = false }.AddJobFamilies(new JobFamiliesOptions
        {
            BatchOutputs = outputs,
            TextSpool = spool,
            ReleasesSyntaxTrees = true,
            ReleasesSourceText = true,
            KeepsBodyHtmlAsUtf8 = true,
            DefersBodyHtml = true,
            FamiliesPerBatch = perBatch,
        });

    private static List<Document> Inputs((string Path, string Text)[] pages) =>
        pages.Select(p => Document.FromSource(p.Path, p.Text)).ToList();

    // As a batched one-shot build reads them: each page split and its body parked as its file is read (valid front
    // matter: the split reports nothing).
    private static List<Document> ParkedInputs((string Path, string Text)[] pages, ICompressedTextSpool? spool = null)
    {
        var split = new SplitFrontMatterWhenRead(parksBody: true, spool);
        var bag = new Handbook.Pipeline.Diagnostics.DiagnosticBag();
        var read = Inputs(pages).ConvertAll(d => split.Prepare(d, bag));
        Assert.Empty(bag.Sorted());
        Assert.All(read.Where(d => d.Metadata.Contains(JobFamilyKeys.PathInfo)), d => Assert.NotNull(ParkedMarkdown.Of(d)));
        return read;
    }

    /// <summary>Records each batch it is handed (source paths in order) and the families; refuses one batch if told to.</summary>
    private sealed class RecordingBatchOutputs : IFamilyBatchOutputs
    {
        public List<string[]> Batches { get; } = [];

        public List<JobFamily> Families { get; } = [];

        public int Discarded { get; private set; }

        /// <summary>The batch (counted from 1) to refuse; 0 refuses none.</summary>
        public int RefuseBatch { get; init; }

        public string? Record(IReadOnlyList<Document> batch, StageContext context)
        {
            Batches.Add([.. batch.Select(d => d.SourcePath)]);
            Families.AddRange(batch.Select(d => d.Get(JobFamilyKeys.Family)));
            return Batches.Count == RefuseBatch ? "refused" : null;
        }

        public void Discard() => Discarded++;

        public bool GoesFirst(FamilyPathInfo page) => page.IsDepartmentIndex;
    }
}
