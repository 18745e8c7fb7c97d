namespace Handbook.Site.Tests.Memory;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Links;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Links;
using Handbook.Site.Security;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// One-shot builds write finished pages early and let go of their text (<see cref="StageFinishedPages"/>). What the
/// later stages read from a page's HTML must not change: the CSP facts recorded at staging time must be the facts
/// <see cref="WriteNetlifyHeaders"/> reads from the text, and the anchors read back from a staged page's file must be
/// the anchors of its text (the oracle in both cases: the same stages over the unstaged documents).
/// </summary>
public class StagedPagesTests(ITestOutputHelper output)
{
    private const string BaseUrl = "https://handbook.example.com";

    [Theory]
    [InlineData("input")]
    [InlineData("tests/Handbook.Site.Tests/Fixtures/broken-links")]
    [InlineData("tests/Handbook.Site.Tests/Fixtures/small-site")]
    public async Task Given_a_built_site_When_its_pages_are_staged_Then_the_recorded_and_read_back_facts_equal_the_facts_of_the_text(string input)
    {
        using var folder = new TempFolder();
        await AssertStagingKeepsTheFacts(Path.Combine(SharedCorpus.RepositoryRoot, input), folder);
    }

    [CorpusFact]
    public async Task Given_the_real_pages_When_staged_Then_the_recorded_and_read_back_facts_equal_the_facts_of_the_text()
    {
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);
        await AssertStagingKeepsTheFacts(folder["input"], folder);
    }

    [CorpusFact]
    public async Task Given_the_real_pages_When_built_one_shot_with_staging_and_as_the_preview_does_Then_the_same_files_and_diagnostics()
    {
        // Given the corpus laid out
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);

        // When built one-shot (staging pages) and as the preview composes it (every page kept until written)
        var oneShot = await SiteBuild.RunAsync(new BuildRequest { InputFolder = folder["input"], OutputFolder = folder["one-shot"], ThemeFolder = TestTheme.Folder, History = false, KeepGoing = true, BaseUrl = BaseUrl });
        var keptRequest = new BuildRequest { InputFolder = folder["input"], OutputFolder = folder["kept"], ThemeFolder = TestTheme.Folder, History = false, KeepGoing = true, BaseUrl = BaseUrl };
        var kept = await SiteBuild.Compose(keptRequest, TestTheme.Instance, new SiteSettings { BaseUrl = BaseUrl }).RunAsync([]);

        // Then the one-shot build staged, and both wrote the same files with the same diagnostics
        Assert.Contains("StageFinishedPages(RenderTheme)", oneShot.Timings, StringComparison.Ordinal);
        Assert.Equal(kept.Diagnostics.Select(d => d.ToString()), oneShot.Diagnostics.Select(d => d.ToString()));
        var expected = OutputFolders.AssertSameFiles(folder["kept"], folder["one-shot"]);
        Assert.True(expected.Count > 300, $"{expected.Count} files");
        Assert.Empty(Directory.EnumerateDirectories(folder.Path, ".*"));
    }

    [Fact]
    public async Task Given_a_one_shot_build_Then_it_stages_when_it_writes_output_and_never_for_check_or_the_preview()
    {
        using var folder = new TempFolder();
        var input = Path.Combine(SharedCorpus.RepositoryRoot, "input");

        var built = await SiteBuild.RunAsync(new BuildRequest { InputFolder = input, OutputFolder = folder["out"], ThemeFolder = TestTheme.Folder, History = false });
        var checkedOnly = await SiteBuild.RunAsync(new BuildRequest { InputFolder = input, OutputFolder = folder["none"], ThemeFolder = TestTheme.Folder, History = false, WriteOutput = false });
        var preview = SiteBuild.Compose(new BuildRequest { InputFolder = input, OutputFolder = folder["preview"], ThemeFolder = TestTheme.Folder, History = false }, TestTheme.Instance, new SiteSettings());

        Assert.Contains("StageFinishedPages(RenderTheme)", built.Timings, StringComparison.Ordinal);
        Assert.Contains("StageFinishedPages(RenderComparePages)", built.Timings, StringComparison.Ordinal);
        Assert.DoesNotContain("StageFinishedPages", checkedOnly.Timings, StringComparison.Ordinal);
        Assert.DoesNotContain(preview.Stages, s => s.Name.StartsWith(nameof(StageFinishedPages), StringComparison.Ordinal));
        Assert.False(Directory.Exists(folder["none"]));
        Assert.Empty(Directory.EnumerateDirectories(folder.Path, ".*"));
    }

    [Fact]
    public async Task Given_a_build_with_errors_and_a_cache_When_built_again_Then_it_comes_from_the_cache_and_no_staged_folder_is_left()
    {
        // Given an input with a broken link (an error), so the output is not replaced, built with a cache
        using var folder = new TempFolder();
        var input = Path.Combine(SharedCorpus.RepositoryRoot, "tests/Handbook.Site.Tests/Fixtures/broken-links");
        var request = new BuildRequest { InputFolder = input, OutputFolder = folder["out"], ThemeFolder = TestTheme.Folder, History = false, CacheFolder = folder["cache"] };
        var cold = await SiteBuild.RunAsync(request);

        // When built again
        var warm = await SiteBuild.RunAsync(request);

        // Then the staged pages' bytes were cached (read back from the staged folder of the failed build), the warm
        // build restored the same diagnostics, and neither build left a staged folder or an output
        Assert.True(cold.ErrorCount > 0);
        Assert.False(cold.FromCache);
        Assert.True(warm.FromCache);
        Assert.Equal(cold.Diagnostics.Select(d => d.ToString()), warm.Diagnostics.Select(d => d.ToString()));
        Assert.False(Directory.Exists(folder["out"]));
        Assert.Empty(Directory.EnumerateDirectories(folder.Path, ".*"));
    }

    /// <summary>
    /// Builds <paramref name="input"/> keeping every document, stages the finished pages into a writer's staging, and
    /// compares what the link check and the header stage make of the staged documents with what they make of the text.
    /// </summary>
    private async Task AssertStagingKeepsTheFacts(string input, TempFolder folder)
    {
        // Given the documents of a build, every page still holding its text
        var settings = new SiteSettings { BaseUrl = BaseUrl };
        var request = new BuildRequest { InputFolder = input, OutputFolder = folder["unused"], ThemeFolder = TestTheme.Folder, History = false, KeepGoing = true, WriteOutput = false, BaseUrl = BaseUrl };
        var built = await SiteBuild.Compose(request, TestTheme.Instance, settings).RunAsync([]);
        var documents = built.Documents;

        // When the finished pages are staged
        var writer = new OutputWriter(folder["staged"]);
        using var staging = writer.BeginStaging();
        var staged = await new StageFinishedPages(staging, settings, "test").ExecuteAsync(documents, Context());

        // Then every text page was staged, with its CSP facts recorded and its text released
        var pages = staged.Where(WriteNetlifyHeaders.IsPage).ToList();
        output.WriteLine($"{pages.Count} pages staged of {staged.Count} documents");
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.True(p.Staged is not null && p.Content.Length == 0 && p.Metadata.Contains(WriteNetlifyHeaders.RecordedResources), p.SourcePath));

        // And the recorded facts are the facts read from each page's text
        var siteOrigin = new Uri(BaseUrl).GetLeftPart(UriPartial.Authority);
        var original = documents.Where(d => d.Destination is not null).ToDictionary(d => (d.Destination!, d.SourcePath));
        foreach (var page in pages)
        {
            var recorded = page.Get(WriteNetlifyHeaders.RecordedResources);
            var scanned = WriteNetlifyHeaders.RecordResources(original[(page.Destination!, page.SourcePath)], settings).Get(WriteNetlifyHeaders.RecordedResources);
            Assert.Equal(siteOrigin, recorded.SiteOrigin);
            AssertSameResources(scanned.Resources, recorded.Resources, page.SourcePath);
        }

        // And the headers file is the same
        Assert.Equal(await HeadersOf(documents, settings), await HeadersOf(staged, settings));

        // And every page's anchors read back from its file are the anchors of its text
        var textTargets = SiteLinkTargets.From(documents);
        var stagedTargets = SiteLinkTargets.From(staged);
        Assert.Equal(textTargets.Pages, stagedTargets.Pages);
        foreach (var url in textTargets.Pages)
        {
            Assert.True(textTargets.AnchorsOf(url)!.SetEquals(stagedTargets.AnchorsOf(url)!), url);
        }

        // And the link check reports the same over both
        var links = await LinkDiagnosticsOf(documents);
        output.WriteLine($"{links.Count} link diagnostics, {links.Count(l => l.Contains('#', StringComparison.Ordinal))} about anchors");
        Assert.Equal(links, await LinkDiagnosticsOf(staged));
    }

    private static void AssertSameResources(PageResources expected, PageResources actual, string page)
    {
        Assert.True(expected.Scripts.SetEquals(actual.Scripts), page + ": scripts");
        Assert.True(expected.Styles.SetEquals(actual.Styles), page + ": styles");
        Assert.True(expected.Images.SetEquals(actual.Images), page + ": images");
        Assert.True(expected.Frames.SetEquals(actual.Frames), page + ": frames");
        Assert.True(expected.FormTargets.SetEquals(actual.FormTargets), page + ": forms");
        Assert.True(expected.Connects.SetEquals(actual.Connects), page + ": connects");
        Assert.Equal(expected.InlineStyles, actual.InlineStyles);
    }

    private static async Task<string> HeadersOf(IReadOnlyList<Document> documents, SiteSettings settings)
    {
        var withHeaders = await new WriteNetlifyHeaders(settings).ExecuteAsync(documents, Context());
        return withHeaders[^1].Content;
    }

    private static async Task<List<string>> LinkDiagnosticsOf(IReadOnlyList<Document> documents)
    {
        var bag = new DiagnosticBag();
        var context = new StageContext(bag, new ServiceRegistry(), CancellationToken.None);
        await new CheckLinks(new LinkCheckOptions(), new JobFamiliesOptions().RedirectsDataPath).ExecuteAsync(documents, context);
        return [.. bag.Sorted().Select(d => d.ToString())];
    }

    private static StageContext Context() => new(new DiagnosticBag(), new ServiceRegistry(), CancellationToken.None);
}
