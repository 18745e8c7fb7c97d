namespace Handbook.Pipeline.Tests.IO;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.IO;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// <see cref="ReadFiles"/> reads synchronously behind its task-returning methods: the tasks it returns are already
/// complete, so no caller's async state machine is boxed for it (the boxes are generic classes over our own struct types
/// that the composite ReadyToRun image lacks and every build JIT-compiled; issue 9). Cancellation still stops a read.
/// </summary>
public sealed class ReadFilesCompletionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Given_many_files_When_read_in_full_or_as_changes_Then_the_returned_tasks_are_complete_with_every_file_in_path_order()
    {
        // Given
        for (var i = 0; i < 40; i++)
        {
            _temp.WriteText($"input/job-families/page-{i:D2}.md", new string('x', 1000 + i));
        }

        var reader = new ReadFiles(_temp.Combine("input"), ["job-families/**/*.md"]);
        var bag = new DiagnosticBag();

        // When
        var full = reader.ReadAsync(bag, 4, CancellationToken.None);
        var changed = reader.ReadChangedAsync(["job-families/page-07.md", "job-families/page-03.md", "job-families/gone.md"], bag, CancellationToken.None);

        // Then
        Assert.True(full.IsCompletedSuccessfully);
        Assert.True(changed.IsCompletedSuccessfully);
        var documents = await full;
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"job-families/page-{i:D2}.md"), documents.Select(d => d.SourcePath));
        Assert.Equal(1039, documents[^1].Content.Length);
        Assert.Equal(["job-families/page-03.md", "job-families/page-07.md"], (await changed).Select(d => d.SourcePath));
        Assert.Empty(bag.Sorted());
    }

    [Fact]
    public async Task Given_a_cancelled_token_When_files_are_read_Then_the_read_is_cancelled()
    {
        // Given
        _temp.WriteText("input/job-families/a.md", "a");
        var reader = new ReadFiles(_temp.Combine("input"), ["job-families/**/*.md"]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        // When
        var full = reader.ReadAsync(new DiagnosticBag(), 2, cancelled.Token);
        var changed = reader.ReadChangedAsync(["job-families/a.md"], new DiagnosticBag(), cancelled.Token);

        // Then: cancelled tasks (not exceptions thrown by the call), as from the async methods they were
        Assert.True(full.IsCanceled);
        Assert.True(changed.IsCanceled);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => full);
    }
}
