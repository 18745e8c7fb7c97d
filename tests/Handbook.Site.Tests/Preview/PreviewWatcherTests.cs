namespace Handbook.Site.Tests.Preview;

using System.Collections.Concurrent;
using Handbook.Site.Preview;
using Handbook.Site.Tests.Support;

public sealed class PreviewWatcherTests
{
    [Fact]
    public async Task A_burst_of_writes_becomes_one_callback_with_every_path()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["input/job-families/sales"]);
        Directory.CreateDirectory(folder["theme"]);
        var batches = new ConcurrentQueue<PreviewChanges>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new PreviewWatcher(folder["input"], folder["theme"], changes =>
        {
            batches.Enqueue(changes);
            first.TrySetResult();
            return Task.CompletedTask;
        }, e => first.TrySetException(e), TimeSpan.FromSeconds(1)); // generous: the machine is loaded, and the writes must fall in one quiet period

        for (var i = 0; i < 4; i++)
        {
            folder.Write($"input/job-families/sales/role-{i}.md", "# Role");
        }

        folder.Write("theme/page.liquid", "{{ content }}");
        folder.Write("input/.hidden.swp", "editor noise");
        await first.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Task.Delay(2000); // a second callback would arrive within this window

        var batch = Assert.Single(batches);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"job-families/sales/role-{i}.md").ToHashSet(),
            batch.InputPaths.Where(p => p.EndsWith(".md", StringComparison.Ordinal)).ToHashSet());
        Assert.Contains("page.liquid", batch.ThemePaths);
        Assert.DoesNotContain(".hidden.swp", batch.InputPaths);
        Assert.False(batch.Overflowed);
    }

    [Fact]
    public async Task Changes_that_arrive_while_a_rebuild_runs_are_delivered_together_in_one_next_callback()
    {
        // Given a watcher with the default (short) quiet period whose first callback is still running
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["input/job-families/sales"]);
        var batches = new ConcurrentQueue<PreviewChanges>();
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new PreviewWatcher(folder["input"], null, async changes =>
        {
            batches.Enqueue(changes);
            if (batches.Count == 1)
            {
                firstStarted.TrySetResult();
                await releaseFirst.Task;
            }
            else
            {
                second.TrySetResult();
            }
        }, e => second.TrySetException(e));
        Assert.Equal(TimeSpan.FromMilliseconds(20), watcher.QuietPeriod);
        folder.Write("input/job-families/sales/first.md", "# First");
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(15));

        // When more files change, further apart than the quiet period, while it runs
        for (var i = 0; i < 3; i++)
        {
            folder.Write($"input/job-families/sales/later-{i}.md", "# Later");
            await Task.Delay(60);
        }

        releaseFirst.SetResult();
        await second.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Task.Delay(1000); // a third callback would arrive within this window

        // Then they come as one more callback with every path, not one rebuild each (a late event of the first
        // file's write may ride along)
        Assert.Equal(2, batches.Count);
        Assert.Superset(
            Enumerable.Range(0, 3).Select(i => $"job-families/sales/later-{i}.md").ToHashSet(),
            batches.Last().InputPaths.ToHashSet());
        Assert.Subset(
            Enumerable.Range(0, 3).Select(i => $"job-families/sales/later-{i}.md").Append("job-families/sales/first.md").ToHashSet(),
            batches.Last().InputPaths.ToHashSet());
    }

    [Fact]
    public async Task A_change_that_arrives_while_a_rebuild_runs_is_announced_at_once()
    {
        // Given a watcher whose first callback waits until released
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder["input/job-families/sales"]);
        var announced = 0;
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        using var watcher = new PreviewWatcher(
            folder["input"],
            null,
            async _ =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    firstStarted.TrySetResult();
                    await releaseFirst.Task;
                }
            },
            e => firstStarted.TrySetException(e),
            onChangeWhileRunning: () => Interlocked.Increment(ref announced));
        folder.Write("input/job-families/sales/first.md", "# First");
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var beforeTheNewerEdit = Volatile.Read(ref announced);

        // When a file changes while that callback runs
        folder.Write("input/job-families/sales/newer.md", "# Newer");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (Volatile.Read(ref announced) == beforeTheNewerEdit && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        // Then it is announced while the callback still runs (the preview cancels what is left of that rebuild)
        Assert.True(Volatile.Read(ref announced) > beforeTheNewerEdit);
        Assert.Equal(1, Volatile.Read(ref calls));
        releaseFirst.SetResult();
    }
}
