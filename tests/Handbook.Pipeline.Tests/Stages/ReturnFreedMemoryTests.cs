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
    public async Task Given_a_stage_that_must_collect_When_it_runs_Then_it_says_it_collected()
    {
        // Given a stage with no minimum
        var stage = new ReturnFreedMemory("Anything", minimumAllocatedBytes: 0);

        // When
        await stage.ExecuteAsync([], Context());

        // Then
        Assert.True(stage.Collected);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LetGoOfLargeBuffer() => new(new byte[16 * 1024 * 1024]);
}

/// <summary>
/// Whether the stage collects depends on what the whole process allocated since its last collection, so these run alone
/// (another test allocating in parallel would make the stage collect).
/// </summary>
[Collection(nameof(ProcessAllocations))]
public class ReturnFreedMemorySkipTests
{
    private static StageContext Context() => new(new DiagnosticBag(), new ServiceRegistry(), CancellationToken.None);

    [Fact]
    public async Task Given_a_collection_just_made_When_the_next_one_runs_with_little_allocated_since_Then_it_is_skipped()
    {
        // Given a collection right before
        await new ReturnFreedMemory("First", minimumAllocatedBytes: 0).ExecuteAsync([], Context());
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);

        // When the next runs with the default minimum and (almost) nothing allocated since
        var next = new ReturnFreedMemory("Second");
        IReadOnlyList<Document> documents = [Document.FromSource("a.md", "alpha")];
        var output = await next.ExecuteAsync(documents, Context());

        // Then it passed the documents on without a collection
        Assert.Same(documents, output);
        Assert.False(next.Collected);
        Assert.Equal(fullCollections, GC.CollectionCount(GC.MaxGeneration));
    }

    [Fact]
    public async Task Given_more_than_the_minimum_allocated_since_the_last_collection_When_it_runs_Then_it_collects()
    {
        // Given a collection, then more than the default minimum allocated (and let go)
        await new ReturnFreedMemory("First", minimumAllocatedBytes: 0).ExecuteAsync([], Context());
        var released = AllocateAndLetGo(ReturnFreedMemory.DefaultMinimumAllocatedBytes + (1024 * 1024));

        // When the next runs with the default minimum
        var next = new ReturnFreedMemory("Second");
        await next.ExecuteAsync([], Context());

        // Then it collected what was let go
        Assert.True(next.Collected);
        Assert.False(released.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AllocateAndLetGo(long bytes) => new(new byte[bytes]);
}

/// <summary>Tests that read what the whole process allocated or collected run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ProcessAllocations), DisableParallelization = true)]
public sealed class ProcessAllocations;
