namespace Handbook.Site.Tests.Memory;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.IO;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// One-shot builds without versions leave each body to the theme (<see cref="JobFamiliesOptions.DefersBodyHtml"/>):
/// <c>RenderBodyHtml</c> hands the tree on in a <see cref="DeferredBody"/> and <see cref="RenderTheme"/> renders it
/// into its page. The oracle is the path it replaces: the body rendered by <c>RenderBodyHtml</c> and kept as UTF-8 until
/// the theme places it. <see cref="OneShotBuildTests"/> compares the whole output with the preview's composition.
/// </summary>
public class DeferredBodyTests(ITestOutputHelper output)
{
    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [Fact]
    public async Task Given_the_sample_pages_When_the_theme_renders_deferred_bodies_Then_every_page_is_the_page_of_the_eagerly_rendered_body() =>
        Assert.True(await AssertDeferredPagesEqualEagerPagesAsync(SampleInput) > 0);

    [CorpusFact]
    public async Task Given_the_real_pages_When_the_theme_renders_deferred_bodies_Then_every_page_is_the_page_of_the_eagerly_rendered_body()
    {
        // Real pages have raw HTML (the sanitiser's full path), department and folder index pages with bodies.
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);

        var compared = await AssertDeferredPagesEqualEagerPagesAsync(folder["input"]);

        output.WriteLine($"{compared} pages compared");
        Assert.True(compared >= 171);
    }

    [Fact]
    public async Task Given_the_sample_pages_When_bodies_are_deferred_Then_each_renders_once_to_the_bytes_rendering_would_have_kept()
    {
        // Given the sample's pages up to rendering, bodies deferred, and the same pages rendered eagerly as UTF-8
        var deferred = Pages(await PagesBeforeThemeAsync(SampleInput, defers: true));
        var eager = Pages(await PagesBeforeThemeAsync(SampleInput, defers: false));
        Assert.NotEmpty(deferred);
        Assert.Equal(eager.Count, deferred.Count);

        foreach (var (page, oracle) in deferred.Zip(eager))
        {
            // Then the deferred page is marked rendered (an empty BodyHtml) and holds no body yet...
            Assert.Equal(oracle.SourcePath, page.SourcePath);
            Assert.Empty(page.Get(JobFamilyKeys.BodyHtml));
            Assert.False(page.Metadata.Contains(JobFamilyKeys.BodyHtmlUtf8));
            Assert.True(RenderedBody.TryGet(page, out var unrendered));
            Assert.Empty(unrendered);

            // ...when rendered, it is the body the eager path kept (or none, for an empty body)...
            var body = System.Text.Encoding.UTF8.GetBytes(page.Get(JobFamilyKeys.DeferredBody).Render().ToString());
            var expected = RenderedBody.TryGetUtf8(oracle, out var kept) ? kept : [];
            Assert.Equal(expected, body);

            // ...and it renders once: the tree is gone
            Assert.Throws<InvalidOperationException>(() => page.Get(JobFamilyKeys.DeferredBody).Render());
        }
    }

    [Fact]
    public async Task Given_a_one_shot_build_without_versions_When_composed_Then_bodies_are_deferred_and_the_models_holding_the_trees_are_collected_before_the_theme()
    {
        // Given the sample, built one-shot without versions, each stage over the whole set (FamilyBatchesBuildTests: in batches)
        using var folder = new TempFolder();
        var report = await SiteBuild.RunAsync(new BuildRequest { InputFolder = SampleInput, OutputFolder = folder["out"], ThemeFolder = TestTheme.Folder, History = false, FamiliesPerBatch = 0 });

        // Then memory is returned after RenderBodyHtml (the models it replaced by tree-less copies; the trees live on
        // until their pages are rendered), before the theme, and again after the theme
        var lines = report.Timings.Split('\n').Select(l => l.Split(' ', 2)[0]).ToList();
        var rendered = lines.IndexOf("RenderBodyHtml");
        Assert.True(rendered >= 0);
        Assert.Equal("ReturnFreedMemory(RenderBodyHtml)", lines[rendered + 1]);
        Assert.True(lines.IndexOf("RenderTheme") > rendered + 1);
        Assert.Contains("ReturnFreedMemory(ReleaseBodyHtml)", lines);
    }

    /// <summary>
    /// Renders the theme's pages of <paramref name="input"/> from deferred bodies and from bodies kept as UTF-8 and
    /// compares them page by page; returns how many pages were compared.
    /// </summary>
    private static async Task<int> AssertDeferredPagesEqualEagerPagesAsync(string input)
    {
        // Given the pages up to rendering, once with deferred bodies and once with bodies rendered as UTF-8
        var deferred = await PagesBeforeThemeAsync(input, defers: true);
        var eager = await PagesBeforeThemeAsync(input, defers: false);

        // When the theme renders both
        var settings = new SiteSettings { BaseUrl = "https://handbook.example.com" };
        var fromDeferred = Stages.Run(new RenderTheme(TestTheme.Instance, settings), [.. deferred]);
        var fromEager = Stages.Run(new RenderTheme(TestTheme.Instance, settings), [.. eager]);

        // Then every page (and every generated page) is the same, and every deferred body was rendered and let go
        Assert.Equal(fromEager.Select(d => (d.SourcePath, d.Destination)), fromDeferred.Select(d => (d.SourcePath, d.Destination)));
        foreach (var (expected, actual) in fromEager.Zip(fromDeferred))
        {
            Assert.True(expected.Content == actual.Content, actual.SourcePath + " differs");
        }

        Assert.All(Pages(deferred), d => Assert.Throws<InvalidOperationException>(() => d.Get(JobFamilyKeys.DeferredBody).Render()));
        return Pages(deferred).Count;
    }

    private static List<Document> Pages(IEnumerable<Document> documents) => documents.Where(d => d.Metadata.Contains(JobFamilyKeys.Family)).ToList();

    /// <summary>The documents of <paramref name="input"/> after the job-families stages, as a one-shot build leaves them.</summary>
    private static async Task<List<Document>> PagesBeforeThemeAsync(string input, bool defers)
    {
        var options = new JobFamiliesOptions { ReleasesSyntaxTrees = true, ReleasesSourceText = true, KeepsBodyHtmlAsUtf8 = !defers, DefersBodyHtml = defers };
        var site = new Site { KeepsRunRecord = false }
            .AddStage(new ReadFiles(input, InputFiles.Text, name: "ReadInput"))
            .AddJobFamilies(options);
        return [.. (await site.RunAsync([])).Documents];
    }
}
