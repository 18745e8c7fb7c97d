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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LetGoOfLargeBuffer() => new(new byte[16 * 1024 * 1024]);
}
