namespace Handbook.Site.Tests.Versions;

using System.Text.Json;
using System.Text.RegularExpressions;
using Handbook.Pipeline;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Versions;

/// <summary>
/// A commit batch of historic renders runs its stages without the engine's bookkeeping (<see cref="HistoricStages"/>;
/// issue 9: ≈ 0.3 ms of CPU and ≈ 110 KB per batch, 45 batches on the replayed history). It hands on exactly the
/// documents the engine's <see cref="Site"/> hands on (the oracle), also when a stage fails.
/// </summary>
public sealed class HistoricStagesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Given_the_sample_pages_When_rendered_without_the_engine_Then_every_version_is_the_engine_run_s(int threads)
    {
        // Given every sample page and the sample grade data
        var pages = SampleHistoricBatch.Pages();
        var gradeData = SampleHistoricBatch.GradeData();
        var views = SampleHistoricBatch.NewViews();

        // When they are rendered as one batch by the historic stage runner and by the engine (the oracle)
        var direct = await SampleHistoricBatch.RenderAsync(SampleHistoricBatch.Build(new HistoricGradeTables(), views: views), pages, gradeData, threads);
        var engine = await SampleHistoricBatch.RenderAsync(SampleHistoricBatch.Build(new HistoricGradeTables(), views: views, runsStagesInSite: true), pages, gradeData, threads);

        // Then every page has the same content: the same cache payload (JSON and body bytes) and the same unknown grades
        Assert.True(engine.Count > 10);
        Assert.Equal(engine.Keys.Order(StringComparer.Ordinal), direct.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, oracle) in engine)
        {
            Assert.Equal(VersionRenderCache.Serialize(oracle), VersionRenderCache.Serialize(direct[path]));
            Assert.Equal(JsonSerializer.Serialize(oracle), JsonSerializer.Serialize(direct[path]));
        }
    }

    [Fact]
    public async Task Given_stages_that_change_drop_and_fail_When_run_Then_the_documents_are_the_engine_s()
    {
        // Given a stage that appends to each text, one that drops a page, one that throws and a whole-set stage
        IStage[] Stages() => [new Append("+a"), new Drop("b.md"), new Throws(), new Append("+c"), new Reverse()];
        var input = new[] { Document.FromSource("a.md", "A"), Document.FromSource("b.md", "B"), Document.FromSource("c.md", "C") };

        // When they run as a historic batch and in the engine (the oracle)
        var direct = await HistoricStages.RunAsync(Stages(), input, new ServiceRegistry(), maxDegreeOfParallelism: 2, CancellationToken.None);
        var site = new Site { MaxDegreeOfParallelism = 2, KeepsRunRecord = false };
        site.AddStages(Stages());
        var engine = (await site.RunAsync(input)).Documents;

        // Then the same documents with the same texts come out (the failing stage passed its input on), in the stages'
        // order (the engine sorts its result by destination; the historic build looks pages up by path)
        Assert.Equal(["c.md: C+a+c", "a.md: A+a+c"], direct.Select(d => d.SourcePath + ": " + d.Content));
        Assert.Equal(
            engine.Select(d => d.SourcePath + ": " + d.Content).Order(StringComparer.Ordinal),
            direct.Select(d => d.SourcePath + ": " + d.Content).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Given_a_stage_whose_regex_times_out_once_When_run_Then_it_runs_again_as_in_the_engine()
    {
        // Given a stage that times out on its first run only
        var stage = new TimesOutOnce();

        // When it runs as a historic batch
        var output = await HistoricStages.RunAsync([stage], [Document.FromSource("a.md", "A")], new ServiceRegistry(), maxDegreeOfParallelism: 1, CancellationToken.None);

        // Then its second run's output goes on
        Assert.Equal(2, stage.Runs);
        Assert.Equal("A!", Assert.Single(output).Content);
    }

    [Fact]
    public async Task Given_a_cancelled_token_When_run_Then_it_throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            HistoricStages.RunAsync([new Append("+a")], [Document.FromSource("a.md", "A")], new ServiceRegistry(), maxDegreeOfParallelism: 1, cancelled.Token));
    }

    private sealed class Append(string suffix) : PerDocumentStage
    {
        public override string Name => "Append" + suffix;

        protected override Document? Process(Document document, StageContext context) => document with { Content = document.Content + suffix };
    }

    private sealed class Drop(string path) : PerDocumentStage
    {
        public override string Name => "Drop";

        protected override Document? Process(Document document, StageContext context) => document.SourcePath == path ? null : document;
    }

    private sealed class Throws : WholeSetStage
    {
        public override string Name => "Throws";

        protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context) =>
            throw new InvalidOperationException("a stage bug");
    }

    private sealed class Reverse : WholeSetStage
    {
        public override string Name => "Reverse";

        protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context) => documents.Reverse().ToList();
    }

    private sealed class TimesOutOnce : WholeSetStage
    {
        public int Runs { get; private set; }

        public override string Name => "TimesOutOnce";

        protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context) =>
            ++Runs == 1
                ? throw new RegexMatchTimeoutException("x", "y", TimeSpan.FromSeconds(1))
                : documents.Select(d => d with { Content = d.Content + "!" }).ToList();
    }
}
