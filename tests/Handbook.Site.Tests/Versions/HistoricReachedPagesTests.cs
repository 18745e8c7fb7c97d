namespace Handbook.Site.Tests.Versions;

using System.Text;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Versions;
using static Handbook.Site.Tests.Versions.Fixtures;

/// <summary>
/// Issue 9: a historic batch parses, grades and expands only the linked pages its "extends" statements reach (by a
/// link, transitively; <see cref="ReachedPages"/>), and renders the whole batch when that could change a version: a
/// role name searched on every page, a broken cycle, a link to a page of the batch that is not among the reached
/// ones (<see cref="ExpandExtendsWithinBatch"/>). Every version renders exactly as when the whole batch is parsed
/// (the oracle).
/// </summary>
public sealed class HistoricReachedPagesTests
{
    private const string Widget = "job-families/tools/widget.md";
    private const string Gadget = "job-families/tools/gadget.md";
    private const string Sprocket = "job-families/tools/sprocket.md";
    private const string Gizmo = "job-families/tools/gizmo.md";

    [Fact]
    public async Task Given_each_sample_page_wanted_with_every_other_page_linked_When_rendered_Then_it_renders_as_with_the_whole_batch_parsed()
    {
        // Given the sample's pages (ERB pages, one listing the batch's pages with job_families, partials, statements
        // with links, by name across pages and in page) each wanted alone, the others linked
        var all = SampleHistoricBatch.Pages();
        var pages = all.Where(p => !Path.GetFileName(p.SourcePath).StartsWith('_')).ToList();
        var gradeData = Document.FromSource(SampleHistoricBatch.GradeDataPath, SampleHistoricBatch.GradeData());
        var batch = all.Append(gradeData).OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
        Assert.Contains(pages, p => p.SourcePath.EndsWith(".erb", StringComparison.Ordinal) && p.Content.Contains("job_families", StringComparison.Ordinal));
        Assert.True(pages.Count > 10);
        var skipping = SampleHistoricBatch.Build(views: SampleHistoricBatch.NewViews());
        foreach (var page in pages)
        {
            var wanted = new HashSet<string>([page.SourcePath], StringComparer.Ordinal);

            // When rendered with only the reached pages, and with all of them (the oracle)
            var views = SampleHistoricBatch.NewViews();
            var reached = await SampleHistoricBatch.Build(views: views).RenderAsync(batch, wanted, hasGradeData: true, 2, CancellationToken.None);
            var oracle = await SampleHistoricBatch.Build(views: views, skipsUnreachedPages: false).RenderAsync(batch, wanted, hasGradeData: true, 2, CancellationToken.None);
            _ = await skipping.RenderAsync(batch, wanted, hasGradeData: true, 2, CancellationToken.None);

            // Then the version is the same: its cache payload (model, body bytes) and its unknown grades
            Assert.Equal(VersionRenderCache.Serialize(oracle[page.SourcePath]), VersionRenderCache.Serialize(reached[page.SourcePath]));
        }

        // And linked pages were skipped (more than one a batch on average)
        Assert.True(skipping.SkippedLinkedPages > pages.Count, $"{skipping.SkippedLinkedPages} skipped");
    }

    [Fact]
    public async Task Given_a_linked_page_no_statement_links_When_rendered_Then_it_is_skipped_and_the_version_is_the_same()
    {
        // Given a wanted page whose statement extends its own previous level and whose text links another page
        var batch = new List<Document>
        {
            Document.FromSource(Gadget, Page("Gadget", Role("Gadget Manager", "Keep every gadget running"))),
            Document.FromSource(Widget, Page("Widget", Role("Widget Associate", "Sort the widgets") + Role("Widget Lead", "Extends the Widget Associate responsibilities", "Lead the widget team") + "See the [gadget page](/job-families/tools/gadget/).\n")),
        };

        // When rendered both ways
        var (reached, oracle, build) = await RenderBothWaysAsync(batch, Widget);

        // Then the linked page was skipped, and the version is the oracle's (with its in-page inheritance)
        Assert.Equal(1, build.SkippedLinkedPages);
        Assert.Equal(0, build.WholeBatchFallbacks);
        Assert.Contains("Sort the widgets", Body(oracle), StringComparison.Ordinal);
        Assert.Equal(VersionRenderCache.Serialize(oracle), VersionRenderCache.Serialize(reached));
    }

    [Fact]
    public async Task Given_statements_that_link_a_page_that_links_another_When_rendered_Then_both_are_expanded_and_only_the_unlinked_page_is_skipped()
    {
        // Given a wanted page extending a linked page's role that extends a third page's role; a fourth page only linked
        var batch = new List<Document>
        {
            Document.FromSource(Gadget, Page("Gadget", Role("Gadget Manager", "Extends the [Sprocket Lead](/job-families/tools/sprocket/#sprocket-lead) responsibilities", "Keep every gadget running"))),
            Document.FromSource(Gizmo, Page("Gizmo", Role("Gizmo Lead", "Tune the gizmos"))),
            Document.FromSource(Sprocket, Page("Sprocket", Role("Sprocket Lead", "Oil the sprockets"))),
            Document.FromSource(Widget, Page("Widget", Role("Widget Lead", "Extends the [Gadget Manager](/job-families/tools/gadget/#gadget-manager) responsibilities", "Lead the widget team") + "See the [gizmo page](/job-families/tools/gizmo/).\n")),
        };

        // When rendered both ways
        var (reached, oracle, build) = await RenderBothWaysAsync(batch, Widget);

        // Then the bullets of both linked roles are inherited, only the gizmo page was skipped, and the version is the oracle's
        Assert.Contains("Keep every gadget running", Body(oracle), StringComparison.Ordinal);
        Assert.Contains("Oil the sprockets", Body(oracle), StringComparison.Ordinal);
        Assert.Equal(1, build.SkippedLinkedPages);
        Assert.Equal(0, build.WholeBatchFallbacks);
        Assert.Equal(VersionRenderCache.Serialize(oracle), VersionRenderCache.Serialize(reached));
    }

    [Fact]
    public async Task Given_a_statement_that_names_a_role_of_a_linked_page_only_When_rendered_Then_the_whole_batch_is_rendered()
    {
        // Given a wanted page whose statement names, without a link, a role that only a linked page has (the
        // resolver searches every page of the batch for it)
        var batch = new List<Document>
        {
            Document.FromSource(Gadget, Page("Gadget", Role("Gadget Manager", "Keep every gadget running"))),
            Document.FromSource(Widget, Page("Widget", Role("Widget Lead", "Extends the Gadget Manager responsibilities", "Lead the widget team") + "See the [gadget page](/job-families/tools/gadget/).\n")),
        };

        // When rendered both ways
        var (reached, oracle, build) = await RenderBothWaysAsync(batch, Widget);

        // Then the batch was rendered whole: the bullet found on the other page is inherited, as in the oracle
        Assert.Equal(1, build.WholeBatchFallbacks);
        Assert.Equal(0, build.SkippedLinkedPages);
        Assert.Contains("Keep every gadget running", Body(oracle), StringComparison.Ordinal);
        Assert.Equal(VersionRenderCache.Serialize(oracle), VersionRenderCache.Serialize(reached));
    }

    [Fact]
    public async Task Given_statements_that_extend_each_other_When_rendered_Then_the_whole_batch_is_rendered()
    {
        // Given a wanted page and a linked page whose roles extend each other (a cycle), and a third page only linked
        var batch = new List<Document>
        {
            Document.FromSource(Gadget, Page("Gadget", Role("Gadget Manager", "Extends the [Widget Lead](/job-families/tools/widget/#widget-lead) responsibilities", "Keep every gadget running"))),
            Document.FromSource(Gizmo, Page("Gizmo", Role("Gizmo Lead", "Tune the gizmos"))),
            Document.FromSource(Widget, Page("Widget", Role("Widget Lead", "Extends the [Gadget Manager](/job-families/tools/gadget/#gadget-manager) responsibilities", "Lead the widget team") + "See the [gizmo page](/job-families/tools/gizmo/).\n")),
        };

        // When rendered both ways
        var (reached, oracle, build) = await RenderBothWaysAsync(batch, Widget);

        // Then the batch was rendered whole (which link of a cycle goes depends on every page's statements)
        Assert.Equal(1, build.WholeBatchFallbacks);
        Assert.Equal(0, build.SkippedLinkedPages);
        Assert.Equal(VersionRenderCache.Serialize(oracle), VersionRenderCache.Serialize(reached));
    }

    [Fact]
    public async Task Given_reached_pages_without_a_linked_page_of_the_batch_When_expanded_Then_the_stage_says_it_left_the_batch()
    {
        // Given a parsed wanted page whose statement links a page of the batch that is not among the documents expanded
        var pipeline = JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions());
        var services = new ServiceRegistry();
        services.Add(new JobFamiliesOptions());
        services.Add(pipeline);
        var widget = Document.FromSource(Widget, Page("Widget", Role("Widget Lead", "Extends the [Gadget Manager](/job-families/tools/gadget/#gadget-manager) responsibilities", "Lead the widget team")));
        IStage[] parsing = [new ReadFrontMatter(), new ParseJobFamilies(new JobFamilyParser(pipeline))];
        var parsed = await HistoricStages.RunAsync(parsing, [widget], services, 1, CancellationToken.None);
        var urls = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["/job-families/tools/gadget/"] = Gadget, ["/job-families/tools/widget/"] = Widget };

        // When expanded within the batch, and once more with the linked page's URL unknown to the batch
        var within = new ExpandExtendsWithinBatch(urls);
        _ = await HistoricStages.RunAsync([within], parsed, services, 1, CancellationToken.None);
        var reparsed = await HistoricStages.RunAsync(parsing, [widget], services, 1, CancellationToken.None);
        var alone = new ExpandExtendsWithinBatch(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["/job-families/tools/widget/"] = Widget });
        _ = await HistoricStages.RunAsync([alone], reparsed, services, 1, CancellationToken.None);

        // Then the first says the answer could differ from the whole batch's; the second, where the batch has no
        // such page either, does not
        Assert.Equal("a link leads to a family outside the batch", within.LeftBatch);
        Assert.Null(alone.LeftBatch);
    }

    [Fact]
    public async Task Given_parsed_pages_When_their_linked_pages_are_listed_Then_only_statement_links_to_pages_of_the_batch_count()
    {
        // Given a page with a statement linking one page of the batch, a statement linking a page outside it, and a
        // plain link to a third page of the batch
        var pipeline = JobFamiliesPlugin.CreatePipeline(new JobFamiliesOptions());
        var services = new ServiceRegistry();
        services.Add(new JobFamiliesOptions());
        services.Add(pipeline);
        var widget = Document.FromSource(Widget, Page(
            "Widget",
            Role("Widget Lead", "Extends the [Gadget Manager](https://about.gitlab.com/job-families/tools/gadget#gadget-manager) responsibilities", "Lead the widget team")
            + Role("Widget Director", "Extends the [Ghost Lead](/job-families/tools/ghost/) responsibilities", "Direct the widget team")
            + "See the [gizmo page](/job-families/tools/gizmo/).\n"));
        var parsed = await HistoricStages.RunAsync([new ReadFrontMatter(), new ParseJobFamilies(new JobFamilyParser(pipeline))], [widget], services, 1, CancellationToken.None);
        var urls = BatchFamilyLookup.SiteUrlsOf(await HistoricStages.RunAsync(
            [new ReadFrontMatter()],
            [Document.FromSource(Gadget, Page("Gadget", string.Empty)), Document.FromSource(Gizmo, Page("Gizmo", string.Empty)), widget],
            services,
            1,
            CancellationToken.None));

        // When the pages its statements link to are listed
        var linked = ReachedPages.LinkedBy(parsed, urls);

        // Then only the gadget page is (by its absolute, slash-less link)
        Assert.Equal([Gadget], linked);
        Assert.Equal(Gadget, urls["/job-families/tools/gadget/"]);
    }

    [Fact]
    public void Given_batch_documents_When_classified_Then_only_pages_neither_wanted_nor_partials_nor_the_grade_data_are_linked()
    {
        var wanted = new HashSet<string>([Widget], StringComparer.Ordinal);

        Assert.True(ReachedPages.IsLinked(Document.FromSource(Gadget, "x"), wanted, "data/job-grades.yml"));
        Assert.False(ReachedPages.IsLinked(Document.FromSource(Widget, "x"), wanted, "data/job-grades.yml"));
        Assert.False(ReachedPages.IsLinked(Document.FromSource("data/job-grades.yml", "x"), wanted, "data/job-grades.yml"));
        Assert.False(ReachedPages.IsLinked(Document.FromSource("job-families/tools/_shared.md", "x"), wanted, "data/job-grades.yml"));
        Assert.False(ReachedPages.IsLinked(Document.FromSource("includes/job-families/x.md", "x"), wanted, "data/job-grades.yml"));
    }

    private static async Task<(HistoricContent Reached, HistoricContent Oracle, HistoricBuild Build)> RenderBothWaysAsync(List<Document> batch, string wantedPage)
    {
        var wanted = new HashSet<string>([wantedPage], StringComparer.Ordinal);
        var views = SampleHistoricBatch.NewViews();
        var build = SampleHistoricBatch.Build(views: views);
        var reached = await build.RenderAsync(batch, wanted, hasGradeData: false, 1, CancellationToken.None);
        var oracle = await SampleHistoricBatch.Build(views: views, skipsUnreachedPages: false).RenderAsync(batch, wanted, hasGradeData: false, 1, CancellationToken.None);
        return (reached[wantedPage], oracle[wantedPage], build);
    }

    private static string Body(HistoricContent content) =>
        content.Family.BodyHtmlUtf8 is { } utf8 ? Encoding.UTF8.GetString(utf8) : content.Family.BodyHtml;
}
