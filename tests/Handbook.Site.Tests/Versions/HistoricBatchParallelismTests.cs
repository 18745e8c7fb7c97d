namespace Handbook.Site.Tests.Versions;

using System.Text.Json;
using Handbook.Site.Versions;

/// <summary>
/// Small commit batches that run in parallel render their own pages on one thread each (issue 9: a batch is a few
/// pages, and its stages handed one or two of them to another thread hundreds of times a build). A batch rendered on one
/// thread gives exactly what it gives on several (the oracle: the parallel render).
/// </summary>
public sealed class HistoricBatchParallelismTests
{
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
        var pages = SampleHistoricBatch.Pages();
        var gradeData = SampleHistoricBatch.GradeData();

        // When they are rendered as one batch on one thread and on four (the oracle)
        var one = await SampleHistoricBatch.RenderAsync(SampleHistoricBatch.Build(new HistoricGradeTables()), pages, gradeData, maxDegreeOfParallelism: 1);
        var parallel = await SampleHistoricBatch.RenderAsync(SampleHistoricBatch.Build(new HistoricGradeTables()), pages, gradeData, maxDegreeOfParallelism: 4);

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
