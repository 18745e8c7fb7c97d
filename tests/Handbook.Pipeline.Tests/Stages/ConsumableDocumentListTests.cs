namespace Handbook.Pipeline.Tests.Stages;

using System.Text.RegularExpressions;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// A one-shot run hands a per-document stage a list it empties as it goes (<see cref="ConsumableDocumentList"/>): the
/// engine's bug paths must still do what they did with a list the stage only read.
/// </summary>
public class ConsumableDocumentListTests
{
    [Fact]
    public void Given_a_consumable_list_When_a_document_is_taken_Then_it_cannot_be_read_again_and_the_rest_remains()
    {
        // Given
        var list = new ConsumableDocumentList([Document.FromSource("a.md", "a"), Document.FromSource("b.md", "b")]);

        // When
        var taken = ConsumableDocumentList.Take(list, 0);

        // Then
        Assert.Equal("a.md", taken.SourcePath);
        Assert.True(list.AnyTaken);
        Assert.Equal(2, list.Count);
        Assert.Throws<InvalidOperationException>(() => list[0]);
        Assert.Equal(["b.md"], list.Remaining().Select(d => d.SourcePath));
    }

    [Fact]
    public async Task Given_a_one_shot_per_document_stage_that_fails_as_a_whole_after_taking_a_document_Then_the_failure_is_reported_and_the_rest_goes_on()
    {
        // Given a stage that takes the first document and then fails (a bug)
        var site = new Site { KeepsRunRecord = false }.AddStages(new Make("a.md", "b.md", "c.md"), new FailAfterTakingFirst());

        // When
        var result = await site.RunAsync([]);

        // Then INTERNAL002, and the documents it had not taken are passed on
        Assert.Contains(result.Diagnostics, d => d.Code == "INTERNAL002");
        Assert.Equal(["b.md", "c.md"], result.Documents.Select(d => d.SourcePath));
    }

    [Fact]
    public async Task Given_a_one_shot_per_document_stage_that_times_out_before_taking_anything_Then_it_is_run_again_as_before()
    {
        // Given a stage whose first run times out as a whole before it takes a document
        var stage = new TimesOutOnce();
        var site = new Site { KeepsRunRecord = false }.AddStages(new Make("a.md", "b.md"), stage);

        // When
        var result = await site.RunAsync([]);

        // Then it ran twice and its second run's output went on, without a diagnostic
        Assert.Equal(2, stage.Runs);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a.md", "b.md"], result.Documents.Select(d => d.SourcePath));
    }

    private sealed class Make(params string[] paths) : IStage
    {
        public string Name => nameof(Make);

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context) =>
            Task.FromResult<IReadOnlyList<Document>>(paths.Select(p => Document.FromSource(p, p)).ToList());
    }

    private sealed class FailAfterTakingFirst : IPerDocumentStage
    {
        public string Name => nameof(FailAfterTakingFirst);

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            Assert.IsType<ConsumableDocumentList>(documents);
            ConsumableDocumentList.Take(documents, 0);
            throw new InvalidOperationException("a bug after the first document");
        }
    }

    private sealed class TimesOutOnce : IPerDocumentStage
    {
        public string Name => nameof(TimesOutOnce);

        public int Runs { get; private set; }

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            if (++Runs == 1)
            {
                throw new RegexMatchTimeoutException("x", "y", TimeSpan.FromMilliseconds(1));
            }

            return Task.FromResult<IReadOnlyList<Document>>(Enumerable.Range(0, documents.Count).Select(i => ConsumableDocumentList.Take(documents, i)).ToList());
        }
    }
}
