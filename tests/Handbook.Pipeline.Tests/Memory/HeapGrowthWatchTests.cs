namespace Handbook.Pipeline.Tests.Memory;

using Handbook.Pipeline.Memory;

public class HeapGrowthWatchTests
{
    // The timer of these watches never fires during a test: only the looks the tests make count.
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    [Fact]
    public void Given_a_heap_below_the_limit_When_the_watch_looks_Then_it_collects_nothing()
    {
        // Given a watch whose limit no test process's heap reaches
        using var watch = HeapGrowthWatch.Start(new HeapGrowthLimit(long.MaxValue, 0, 0), Never);
        GC.Collect(0);

        // When it looks
        watch.Look();

        // Then it ran no collection
        Assert.Equal(0, watch.Collections);
    }

    [Fact]
    public void Given_a_heap_beyond_the_limit_When_the_watch_looks_Then_it_runs_one_full_collection()
    {
        // Given a watch that finds any heap too large – no smallest size and a slack of minus the live set, so any old
        // generation of more than 100 bytes exceeds it, however much of the last full collection's survivors sit in
        // gen1 (with a slack of 0 the old generations had to hold at least the live set, which another test's
        // allocations could break: a flaky test in CI) –, a large array in them (LOH) and a collection since it started
        using var watch = HeapGrowthWatch.Start(new HeapGrowthLimit(-1, long.MinValue, -100), Never);
        var large = new byte[4 * 1024 * 1024]; // above any large-object threshold (the app sets 2 MiB): in the old generations at once
        GC.Collect(0);
        var fullBefore = GC.CollectionCount(2);

        // When it looks
        watch.Look();

        // Then it ran one full collection
        Assert.Equal(1, watch.Collections);
        Assert.True(GC.CollectionCount(2) > fullBefore);
        GC.KeepAlive(large);
    }

    [Fact]
    public void Given_the_environment_turns_the_watch_off_When_started_from_it_Then_there_is_none()
    {
        var before = Environment.GetEnvironmentVariable("HANDBOOK_HEAP_WATCH");
        try
        {
            Environment.SetEnvironmentVariable("HANDBOOK_HEAP_WATCH", "0");
            Assert.Null(HeapGrowthWatch.StartFromEnvironment());
            Environment.SetEnvironmentVariable("HANDBOOK_HEAP_WATCH", null);
            using var watch = HeapGrowthWatch.StartFromEnvironment();
            Assert.NotNull(watch);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HANDBOOK_HEAP_WATCH", before);
        }
    }
}
