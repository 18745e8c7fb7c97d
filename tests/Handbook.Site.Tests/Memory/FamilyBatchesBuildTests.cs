namespace Handbook.Site.Tests.Memory;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// One-shot builds without versions parse, expand and render the pages a batch at a time
/// (<see cref="ProcessFamiliesInBatches"/>, issue 9). The oracle is the same build with each stage over the whole set
/// (<see cref="BuildRequest.FamiliesPerBatch"/> 0): the same files, byte for byte, and the same diagnostics.
/// </summary>
public class FamilyBatchesBuildTests(ITestOutputHelper output)
{
    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [Theory]
    [InlineData("input", 1)]
    [InlineData("input", 5)]
    [InlineData("input", 12)]
    [InlineData("tests/Handbook.Site.Tests/Fixtures/small-site", 1)]
    [InlineData("tests/Handbook.Site.Tests/Fixtures/hostile-site", 1)]
    public async Task Given_an_input_When_built_in_batches_Then_the_files_and_diagnostics_are_the_whole_set_builds(string input, int perBatch)
    {
        using var folder = new TempFolder();
        var batches = await AssertBatchesWriteWhatTheWholeSetWritesAsync(Path.Combine(SharedCorpus.RepositoryRoot, input), perBatch, folder);

        // (these inputs need no fallback: every cross-page statement links to its page)
        Assert.StartsWith("family batches: ", batches, StringComparison.Ordinal);
        Assert.DoesNotContain("whole set instead", batches, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_site_that_fits_in_one_batch_When_built_Then_the_whole_set_stages_run_without_batching_first()
    {
        // Given the sample (fewer pages than a batch holds)
        using var folder = new TempFolder();

        // When built with the default batch size
        var report = await SiteBuild.RunAsync(Request(SampleInput, folder["out"], ProcessFamiliesInBatches.DefaultFamiliesPerBatch));

        // Then no batch ran: the whole-set path ran once, not after a batch of every page that might have fallen back
        Assert.Equal("family batches: whole set instead (every page fits in one batch; 0 batches done before)", BatchLine(report));
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public async Task Given_a_site_smaller_than_a_build_batches_When_built_with_the_defaults_Then_the_whole_set_stages_run_at_once()
    {
        // Given the sample (26 pages: more than a batch of 12 holds, fewer than a default build batches)
        using var folder = new TempFolder();

        // When built in batches of 12 with the build's default smallest batched site
        var report = await SiteBuild.RunAsync(Request(SampleInput, folder["out"], 12) with { SmallestBatchedSite = ProcessFamiliesInBatches.DefaultSmallestBatchedSite });

        // Then no batch ran
        Assert.Equal($"family batches: whole set instead (fewer than {ProcessFamiliesInBatches.DefaultSmallestBatchedSite} pages; 0 batches done before)", BatchLine(report));
    }

    [Fact]
    public async Task Given_a_site_below_the_smallest_batched_site_and_one_above_When_built_Then_only_the_batched_one_parks_its_pages_as_they_are_read()
    {
        // Given the sample (26 pages)
        using var folder = new TempFolder();

        // When built in batches of 12 with the build's default smallest batched site (200 pages), and with none
        var small = await SiteBuild.RunAsync(Request(SampleInput, folder["small"], 12) with { SmallestBatchedSite = ProcessFamiliesInBatches.DefaultSmallestBatchedSite });
        var big = await SiteBuild.RunAsync(Request(SampleInput, folder["big"], 12));

        // Then the small site ran the whole set with no page parked (the reading decided before reading that it would
        // not batch), the batched one had every page parked as it was read; the same files and diagnostics either way
        Assert.Equal($"family batches: whole set instead (fewer than {ProcessFamiliesInBatches.DefaultSmallestBatchedSite} pages; 0 batches done before)", BatchLine(small));
        var batched = System.Text.RegularExpressions.Regex.Match(BatchLine(big), @"^family batches: \d+ for (\d+) pages, .*; (\d+) pages parked when read$");
        Assert.True(batched.Success, BatchLine(big));
        Assert.Equal(batched.Groups[1].Value, batched.Groups[2].Value);
        Assert.Equal(small.Diagnostics, big.Diagnostics);
        OutputFolders.AssertSameFiles(folder["small"], folder["big"]);
    }

    [Fact]
    public async Task Given_a_batched_site_When_built_with_a_cache_Then_its_pages_are_parked_as_they_are_read_and_it_writes_what_the_uncached_build_writes()
    {
        // Given the sample, batched in batches of 12
        using var folder = new TempFolder();

        // When built with an empty cache (which reads and fingerprints every file before it runs), and without a cache
        var cached = await SiteBuild.RunAsync(Request(SampleInput, folder["cached"], 12) with { CacheFolder = folder["cache"] });
        var uncached = await SiteBuild.RunAsync(Request(SampleInput, folder["uncached"], 12));

        // Then the cached build parked every page as it was read, as the uncached one does (before the twenty-second
        // session it held every text until the last file was read), and both wrote the same files and diagnostics
        var batched = System.Text.RegularExpressions.Regex.Match(BatchLine(cached), @"^family batches: \d+ for (\d+) pages, .*; (\d+) pages parked when read$");
        Assert.True(batched.Success, BatchLine(cached));
        Assert.Equal(batched.Groups[1].Value, batched.Groups[2].Value);
        Assert.False(cached.FromCache);
        Assert.Equal(uncached.Diagnostics, cached.Diagnostics);
        OutputFolders.AssertSameFiles(folder["uncached"], folder["cached"]);
    }

    [Fact]
    public async Task Given_a_cached_batched_build_When_a_page_changes_Then_the_next_build_is_not_served_from_the_cache()
    {
        // Given a copy of the sample built once with a cache (its pages split and parked as read: the fingerprint takes
        // each text's digest as it is read, not the text)
        using var folder = new TempFolder();
        var input = folder["input"];
        foreach (var file in Directory.EnumerateFiles(SampleInput, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(input, Path.GetRelativePath(SampleInput, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var request = Request(input, folder["out"], 12) with { CacheFolder = folder["cache"] };
        await SiteBuild.RunAsync(request);
        var page = Directory.EnumerateFiles(Path.Combine(input, "job-families"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();

        // When one page gets a line, and the site is built again with the same cache; then once more unchanged
        File.AppendAllText(page, "\nA line added to the page.\n");
        var changed = await SiteBuild.RunAsync(request);
        var unchanged = await SiteBuild.RunAsync(request);

        // Then the changed build ran (and shows the line); the unchanged one after it came from the cache
        Assert.False(changed.FromCache);
        Assert.Contains(Directory.EnumerateFiles(folder["out"], "index.html", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("A line added to the page.", StringComparison.Ordinal));
        Assert.True(unchanged.FromCache);
    }

    [Fact]
    public async Task Given_the_sample_in_batches_of_one_page_When_built_Then_pages_linked_by_extends_statements_were_parsed_again()
    {
        using var folder = new TempFolder();
        var report = await SiteBuild.RunAsync(Request(SampleInput, folder["out"], perBatch: 1));

        var line = BatchLine(report);
        output.WriteLine(line);
        Assert.Matches(@"^family batches: \d+ for \d+ pages, [1-9]\d* linked pages parsed again", line);
    }

    [Fact]
    public async Task Given_a_build_with_versions_or_the_preview_When_composed_Then_the_stages_run_over_the_whole_set()
    {
        // The versions read the current bodies before the theme (eager bodies); the preview keeps every stage's output.
        var preview = SiteBuild.Compose(Request(SampleInput, "unused", ProcessFamiliesInBatches.DefaultFamiliesPerBatch), TestTheme.Instance, new SiteSettings());
        Assert.DoesNotContain(preview.Stages, s => s is ProcessFamiliesInBatches);

        using var folder = new TempFolder();
        var versioned = await SiteBuild.RunAsync(Request(SampleInput, folder["out"], ProcessFamiliesInBatches.DefaultFamiliesPerBatch) with { History = true });
        Assert.Contains("RenderBodyHtml", versioned.Timings, StringComparison.Ordinal);
        Assert.DoesNotContain("family batches", versioned.Timings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_sample_in_batches_with_the_sites_per_family_outputs_When_processed_Then_each_familys_outputs_were_made_and_its_bullets_let_go_in_its_batch()
    {
        // Given the sample's pages, the site's per-family outputs as the batches' outputs, and batches of five pages
        using var folder = new TempFolder();
        var settings = new SiteSettings();
        using var staging = new OutputWriter(folder["out"]).BeginStaging();
        using var outputs = new PerFamilyOutputs(TestTheme.Instance, settings, new StageFinishedPages(staging, settings, nameof(RenderTheme)));
        var site = new Site { KeepsRunRecord = false }.AddJobFamilies(new JobFamiliesOptions
        {
            ReleasesSyntaxTrees = true,
            ReleasesSourceText = true,
            KeepsBodyHtmlAsUtf8 = true,
            DefersBodyHtml = true,
            FamiliesPerBatch = 5,
            BatchOutputs = outputs,
        });

        // When the job-families stages run
        var result = await site.RunAsync(SampleDocuments());

        // Then they ran in batches, every family but the index pages was recorded there with its JSON-LD's lists kept,
        // and its bullets are gone already (nothing left to release), while the whole-set stages leave them
        Assert.Null(site.Stages.OfType<ProcessFamiliesInBatches>().Single().LastRun!.FallbackReason);
        var families = result.Documents.Where(d => d.Metadata.Contains(JobFamilyKeys.Family)).Select(d => d.Get(JobFamilyKeys.Family)).ToList();
        var recorded = families.Where(f => !f.IsDepartmentIndex).ToList();
        Assert.NotEmpty(recorded);
        Assert.Equal(recorded.Count, outputs.ReleasedInBatches);
        Assert.All(recorded, f =>
        {
            Assert.True(outputs.Holds(f));
            Assert.NotNull(outputs.OccupationOf(f));
            Assert.Equal(0, BulletRelease.Release(f));
        });
        Assert.All(families.Where(f => f.IsDepartmentIndex), f => Assert.False(outputs.Holds(f)));
        Assert.Contains(recorded, f => outputs.OccupationOf(f)!.Responsibilities.Count > 0);
    }

    [Fact]
    public async Task Given_a_batch_that_falls_back_after_one_that_made_its_outputs_When_built_Then_the_files_and_diagnostics_are_the_whole_set_builds()
    {
        // Given a family with two levels (a compare page, made and staged in the first batch) and a page whose statement
        // names its role without a link (the second batch meets the resolver's cross-page search and falls back)
        using var folder = new TempFolder();
        var input = folder["input"];
        Directory.CreateDirectory(Path.Combine(input, "job-families", "sales"));
        File.WriteAllText(Path.Combine(input, "job-families", "sales", "analyst.md"), "---\ntitle: Analyst\n---\n## Levels\n\n### Analyst\n\n#### Responsibilities\n\n* Count widgets\n\n### Senior Analyst\n\n#### Responsibilities\n\n* Extends the Analyst responsibilities\n* Lead the counting\n");
        File.WriteAllText(Path.Combine(input, "job-families", "sales", "lead.md"), "---\ntitle: Lead\n---\n## Levels\n\n### Lead\n\n#### Responsibilities\n\n* Extends the Senior Analyst responsibilities\n* Lead\n");

        // When built in batches of one page, and over the whole set
        var batches = await AssertBatchesWriteWhatTheWholeSetWritesAsync(input, perBatch: 1, folder);

        // Then the build fell back after the first batch (its two pages parked as they were read, the site being batched),
        // and still wrote the whole set's files (checked above)
        Assert.Equal("family batches: whole set instead (a role name was searched on every page; 1 batches done before; 2 pages parked when read)", batches);
        Assert.True(File.Exists(Path.Combine(folder["batched"], "job-families", "sales", "analyst", "compare", "index.html")));
    }

    [CorpusFact]
    public async Task Given_the_real_pages_When_built_in_batches_Then_the_files_and_diagnostics_are_the_whole_set_builds()
    {
        // Real pages name roles of other pages without links (the resolver's cross-page search): a batched build must
        // fall back to the whole set there, and whatever path it takes must write the whole set's files.
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);

        var batches = await AssertBatchesWriteWhatTheWholeSetWritesAsync(folder["input"], perBatch: 20, folder);

        output.WriteLine(batches);
    }

    private async Task<string> AssertBatchesWriteWhatTheWholeSetWritesAsync(string input, int perBatch, TempFolder folder)
    {
        // When built in batches, and with each stage over the whole set
        var batched = await SiteBuild.RunAsync(Request(input, folder["batched"], perBatch));
        var whole = await SiteBuild.RunAsync(Request(input, folder["whole"], perBatch: 0));

        // Then the same diagnostics and the same files
        var line = BatchLine(batched);
        output.WriteLine(line);
        Assert.DoesNotContain("family batches", whole.Timings, StringComparison.Ordinal);
        Assert.Equal(whole.Diagnostics.Select(d => d.ToString()), batched.Diagnostics.Select(d => d.ToString()));
        OutputFolders.AssertSameFiles(folder["whole"], folder["batched"]);

        return line;
    }

    private static List<Document> SampleDocuments() =>
        Directory.EnumerateFiles(SampleInput, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => Document.FromSource(Path.GetRelativePath(SampleInput, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();

    private static string BatchLine(BuildReport report) =>
        report.Timings.Split('\n').Single(l => l.StartsWith("family batches: ", StringComparison.Ordinal));

    private static BuildRequest Request(string input, string output, int perBatch) => new()
    {
        InputFolder = input,
        OutputFolder = output,
        ThemeFolder = TestTheme.Folder,
        History = false,
        KeepGoing = true,
        FamiliesPerBatch = perBatch,
        SmallestBatchedSite = 0,
    };
}
