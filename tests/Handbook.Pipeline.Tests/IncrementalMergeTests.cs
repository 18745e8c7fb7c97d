namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// How an incremental run merges a stage's fresh output with the previous one: position by position when the stage
/// returned every document in the previous order, run by run when each path's documents are contiguous, by path
/// otherwise. Every way, the result is a full run's.
/// </summary>
public sealed class IncrementalMergeTests
{
    private static Site Compose() =>
        new Site { MaxDegreeOfParallelism = 2 }.AddStages(new Shout(), new AddCompanions(), new Shout { StageName = "ShoutAgain" });

    private static Document Page(string path, string text) => new(path, path + ".html", text, Metadata.Empty);

    private static IReadOnlyList<Document> Pages(string bText) => [Page("a", "alpha"), Page("b", bText), Page("c", "gamma")];

    private static IEnumerable<(string SourcePath, string? Destination, string Content)> Shape(BuildResult result) =>
        result.Documents.Select(d => (d.SourcePath, d.Destination, d.Content));

    [Fact]
    public async Task Given_a_stage_whose_paths_occur_twice_apart_When_one_input_changes_Then_the_incremental_result_is_a_full_runs()
    {
        // Given a first run whose companion stage lists a, b, c and then their companions a, b, c again
        var first = await Compose().RunAsync(Pages("beta"));

        // When b changes, twice in a row (the second run merges the first incremental run's grouped output)
        var second = await Compose().RunAsync(Pages("beta two"), first, ["b"]);
        var third = await Compose().RunAsync(Pages("beta three"), second, ["b"]);

        // Then each run was incremental, recomputed b only, and equals a full run of its input
        Assert.True(second.WasIncremental, second.FullRebuildReason);
        Assert.True(third.WasIncremental, third.FullRebuildReason);
        Assert.Equal(["b"], second.Recomputed);
        Assert.Equal(["b"], third.Recomputed);
        Assert.Equal(Shape(await Compose().RunAsync(Pages("beta two"))), Shape(second));
        Assert.Equal(Shape(await Compose().RunAsync(Pages("beta three"))), Shape(third));
        Assert.Contains(("b", "b.html.txt", "BETA THREE (COMPANION)"), Shape(third));
    }

    [Fact]
    public async Task Given_unchanged_inputs_When_run_again_Then_every_document_is_the_previous_runs_object()
    {
        var first = await Compose().RunAsync(Pages("beta"));

        var next = await Compose().RunAsync(Pages("beta"), first, []);

        Assert.True(next.WasIncremental, next.FullRebuildReason);
        Assert.Empty(next.Recomputed);
        Assert.All(first.Documents.Zip(next.Documents), pair => Assert.Same(pair.First, pair.Second));
    }

    /// <summary>A whole-set stage that keeps every page and appends a companion (same source path) for each.</summary>
    private sealed class AddCompanions : IStage
    {
        public string Name => nameof(AddCompanions);

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            var companions = documents.Select(d => d with { Destination = d.Destination + ".txt", Content = d.Content + " (companion)" });
            IReadOnlyList<Document> result = [.. documents, .. companions];
            return Task.FromResult(result);
        }
    }

    /// <summary>A per-document stage: upper-cases the content (the first one makes the pages, as a reading stage would).</summary>
    private sealed class Shout : PerDocumentStage
    {
        public string StageName { get; init; } = nameof(Shout);

        public override string Name => StageName;

        protected override Document? Process(Document document, StageContext context) =>
            document with { Content = document.Content.ToUpperInvariant() };
    }
}
