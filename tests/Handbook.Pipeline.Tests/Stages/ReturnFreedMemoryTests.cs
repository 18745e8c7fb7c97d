namespace Handbook.Pipeline.Tests.Stages;

using System.Runtime.CompilerServices;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

public class ReturnFreedMemoryTests
{
    private static StageContext Context() => new(new DiagnosticBag(), new ServiceRegistry(), CancellationToken.None);

    [Fact]
    public async Task Given_documents_When_the_stage_runs_Then_the_same_documents_pass_on_unchanged()
    {
        // Given
        IReadOnlyList<Document> documents = [Document.FromSource("a.md", "alpha"), Document.FromBytes("b.png", [1, 2, 3])];

        // When
        var output = await new ReturnFreedMemory("Anything").ExecuteAsync(documents, Context());

        // Then
        Assert.Same(documents, output);
    }

    [Fact]
    public async Task Given_data_nothing_refers_to_any_more_When_the_stage_runs_Then_it_has_been_collected()
    {
        // Given a large buffer that was let go (allocated in another method, so no local of this one keeps it)
        var released = LetGoOfLargeBuffer();

        // When
        await new ReturnFreedMemory("Anything").ExecuteAsync([], Context());

        // Then
        Assert.False(released.IsAlive);
    }

    [Fact]
    public void Given_two_of_them_in_one_site_When_named_after_different_stages_Then_both_are_accepted()
    {
        // Given / When
        var site = new Site().AddStages(new ReturnFreedMemory("RenderBodyHtml"), new ReturnFreedMemory("RenderTheme"));

        // Then
        Assert.Equal(["ReturnFreedMemory(RenderBodyHtml)", "ReturnFreedMemory(RenderTheme)"], site.Stages.Select(s => s.Name));
    }

    [Fact]
    public async Task Given_a_stage_that_finished_asynchronously_When_a_later_stage_replaced_its_documents_Then_they_are_collected()
    {
        // Given a site whose first stage reads asynchronously (the rest of the run then continues under its frames),
        // a stage that replaces every document, this stage, and a probe
        var read = new AsyncReadingStage();
        var probe = new AliveProbe(read);
        var site = new Site { KeepsRunRecord = false }.AddStages(read, new ReplaceDocuments(), new ReturnFreedMemory("ReplaceDocuments"), probe);

        // When
        await site.RunAsync([]);

        // Then what the reading stage produced was collected by the time the probe ran
        Assert.False(probe.WasAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LetGoOfLargeBuffer() => new(new byte[16 * 1024 * 1024]);

    /// <summary>Produces one large document after a real asynchronous wait, remembering it only weakly.</summary>
    private sealed class AsyncReadingStage : IStage
    {
        public string Name => "Read";

        public WeakReference? Produced { get; private set; }

        public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            await Task.Delay(20, context.CancellationToken).ConfigureAwait(false);
            IReadOnlyList<Document> produced = [Document.FromSource("page.md", new string('x', 4 * 1024 * 1024))];
            Produced = new WeakReference(produced[0]);
            return produced;
        }
    }

    private sealed class ReplaceDocuments : IStage
    {
        public string Name => nameof(ReplaceDocuments);

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context) =>
            Task.FromResult<IReadOnlyList<Document>>(documents.Select(d => d with { Content = string.Empty }).ToList());
    }

    private sealed class AliveProbe(AsyncReadingStage read) : IStage
    {
        public string Name => nameof(AliveProbe);

        public bool WasAlive { get; private set; } = true;

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            WasAlive = read.Produced?.IsAlive ?? true;
            return Task.FromResult(documents);
        }
    }
}
