namespace Handbook.Pipeline.Tests.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// A whole-set stage that takes its input (<see cref="IConsumesInput"/>) gets a list of its own in one-shot runs, from
/// which it takes documents as a per-document stage does; a run that keeps its record hands it the plain list.
/// </summary>
public class ConsumesInputTests
{
    [Fact]
    public async Task Given_a_one_shot_run_When_a_stage_that_consumes_its_input_takes_a_document_Then_the_list_no_longer_holds_it()
    {
        // Given a one-shot run with a stage that takes every document
        var stage = new TakeAll();
        var site = new Site { KeepsRunRecord = false }.AddStages(new Make("a.md", "b.md"), stage);

        // When it runs
        var result = await site.RunAsync([]);

        // Then it got a consumable list, which it emptied, and handed the documents on
        Assert.True(stage.GotConsumable);
        Assert.True(stage.EmptiedIt);
        Assert.Equal(["a.md", "b.md"], result.Documents.Select(d => d.SourcePath));
    }

    [Fact]
    public async Task Given_a_run_that_keeps_its_record_When_the_stage_takes_a_document_Then_it_only_reads_the_engines_list()
    {
        // Given a run that keeps every stage's output (the preview's)
        var stage = new TakeAll();
        var site = new Site().AddStages(new Make("a.md", "b.md"), stage);

        // When it runs
        var result = await site.RunAsync([]);

        // Then the stage read the plain list, which still holds every document
        Assert.False(stage.GotConsumable);
        Assert.False(stage.EmptiedIt);
        Assert.Equal(["a.md", "b.md"], result.Documents.Select(d => d.SourcePath));
    }

    private sealed class Make(params string[] paths) : IStage
    {
        public string Name => nameof(Make);

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context) =>
            Task.FromResult<IReadOnlyList<Document>>(paths.Select(p => Document.FromSource(p, p)).ToList());
    }

    private sealed class TakeAll : IConsumesInput
    {
        public string Name => nameof(TakeAll);

        public bool GotConsumable { get; private set; }

        public bool EmptiedIt { get; private set; }

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            GotConsumable = documents is ConsumableDocumentList;
            var taken = Enumerable.Range(0, documents.Count).Select(i => IConsumesInput.Take(documents, i)).ToList();
            EmptiedIt = Enumerable.Range(0, documents.Count).All(i => Throws(() => _ = documents[i]));
            return Task.FromResult<IReadOnlyList<Document>>(taken);
        }

        private static bool Throws(Action read)
        {
            try
            {
                read();
                return false;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }
}
