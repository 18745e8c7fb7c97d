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
        // Given a large buffer that was let go (allocated in another method, so no local of this one keeps it), and a
        // stage without a floor
        var released = LetGoOfLargeBuffer();
        var stage = new ReturnFreedMemory("Anything", smallestHeapBytes: 0);

        // When
        await stage.ExecuteAsync([], Context());

        // Then
        Assert.False(released.IsAlive);
        Assert.Equal(1, stage.Collections);
    }

    [Fact]
    public async Task Given_a_heap_below_the_floor_When_the_stage_runs_Then_it_collects_nothing_and_passes_the_documents_on()
    {
        // Given a floor no test process's heap reaches
        IReadOnlyList<Document> documents = [Document.FromSource("a.md", "alpha")];
        var stage = new ReturnFreedMemory("Anything", smallestHeapBytes: long.MaxValue);

        // When
        var output = await stage.ExecuteAsync(documents, Context());

        // Then
        Assert.Equal(0, stage.Collections);
        Assert.Same(documents, output);
    }

    [Fact]
    public async Task Given_a_heap_above_the_floor_When_the_stage_runs_Then_it_collects()
    {
        // Given a floor below the 16 MiB this test holds on to while the stage runs
        var held = new byte[16 * 1024 * 1024];
        var stage = new ReturnFreedMemory("Anything", smallestHeapBytes: held.Length / 2);

        // When
        await stage.ExecuteAsync([], Context());

        // Then
        Assert.Equal(1, stage.Collections);
        GC.KeepAlive(held);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LetGoOfLargeBuffer() => new(new byte[16 * 1024 * 1024]);
}
