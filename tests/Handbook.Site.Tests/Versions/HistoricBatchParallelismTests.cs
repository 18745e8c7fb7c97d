namespace Handbook.Site.Tests.Versions;

using System.Text.Json;
using Handbook.JobFamilies;
using Handbook.Pipeline.Documents;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;
using Handbook.Site.Versions;
using Handbook.Testing;

/// <summary>
/// Small commit batches that run in parallel render their own pages on one thread each (issue 9: a batch is a few
/// pages, and its stages handed one or two of them to another thread hundreds of times a build). A batch rendered on one
/// thread gives exactly what it gives on several (the oracle: the parallel render).
/// </summary>
public sealed class HistoricBatchParallelismTests
{
    private const string GradeData = "data/job-grades.yml";

    [Theory]
    [InlineData(45, 4, 2, 1)]
    [InlineData(2, 16, 2, 1)]
    [InlineData(45, 17, 2, 2)]
    [InlineData(45, 400, 2, 2)]
    [InlineData(1, 3, 2, 2)]
    [InlineData(3, 3, 8, 8)]
    [InlineData(8, 3, 8, 1)]
    [InlineData(5, 3, 1, 1)]
    public void Given_batches_and_threads_When_the_threads_within_a_batch_are_chosen_Then_only_small_batches_among_enough_run_on_one(int batches, int documents, int threads, int within)
    {
        Assert.Equal(within, VersionRenderer.WithinBatch(batches, documents, threads));
    }

    [Fact]
    public async Task Given_the_sample_pages_When_rendered_on_one_thread_Then_every_version_is_the_parallel_render_s()
    {
        // Given every sample page and the sample grade data
        var root = Path.Combine(SharedCorpus.RepositoryRoot, "input");
        var pages = Directory.GetFiles(Path.Combine(root, "job-families"), "*.md*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(p => Document.FromSource(p, File.ReadAllText(Path.Combine(root, p)).Replace("\r\n", "\n", StringComparison.Ordinal)))
            .ToList();
        var documents = pages.Append(Document.FromSource(GradeData, File.ReadAllText(Path.Combine(root, GradeData)))).OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
        var wanted = pages.Select(p => p.SourcePath).Where(p => !Path.GetFileName(p).StartsWith('_')).ToHashSet(StringComparer.Ordinal);
        var views = new PageViews(FamilyCatalog.From([]), new SiteSettings());

        // When they are rendered as one batch on one thread and on four (the oracle)
        var one = await new HistoricBuild(new JobFamiliesOptions(), views, new HistoricGradeTables()).RenderAsync(documents, wanted, hasGradeData: true, maxDegreeOfParallelism: 1, CancellationToken.None);
        var parallel = await new HistoricBuild(new JobFamiliesOptions(), views, new HistoricGradeTables()).RenderAsync(documents, wanted, hasGradeData: true, maxDegreeOfParallelism: 4, CancellationToken.None);

        // Then every page has the same content: the same cache payload (JSON and body bytes)
        Assert.True(parallel.Count > 10);
        Assert.Equal(parallel.Keys.Order(StringComparer.Ordinal), one.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, oracle) in parallel)
        {
            Assert.Equal(VersionRenderCache.Serialize(oracle), VersionRenderCache.Serialize(one[path]));
            Assert.Equal(JsonSerializer.Serialize(oracle), JsonSerializer.Serialize(one[path]));
        }
    }
}
