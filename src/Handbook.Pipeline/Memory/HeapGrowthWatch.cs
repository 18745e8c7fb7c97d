namespace Handbook.Pipeline.Memory;

/// <summary>
/// Looks at the collector's figures a few times a second during a one-shot build and runs a full, blocking, compacting
/// collection when the oldest generations have outgrown the live set (<see cref="HeapGrowthLimit"/>), wherever the
/// build is: in the middle of a stage as much as between two.
/// </summary>
/// <remarks>
/// Why a watch and not more <see cref="Stages.ReturnFreedMemory"/> stages: the resident set peaks inside stages
/// (reading, the family batches, the theme), and a collection after the peak does not lower it; one that comes as the
/// dead objects pile up keeps the collector reusing their space instead of committing more. It only reads figures of
/// collections that already ran (<see cref="GC.GetGCMemoryInfo(GCKind)"/>), so between two collections a look costs
/// next to nothing; a site below the limit's smallest old generation never gets a collection from it
/// (<see cref="Collections"/> stays 0). <c>HANDBOOK_HEAP_WATCH=0</c> turns it off (for measuring).
/// </remarks>
public sealed class HeapGrowthWatch : IDisposable
{
    private readonly HeapGrowthLimit _limit;
    private readonly Timer _timer;
    private long _lastSeenCollection;
    private int _collections;
    private int _looking;

    private HeapGrowthWatch(HeapGrowthLimit limit, TimeSpan period)
    {
        _limit = limit;
        _timer = new Timer(_ => Look(), null, period, period);
    }

    /// <summary>The full collections this watch ran.</summary>
    public int Collections => Volatile.Read(ref _collections);

    /// <summary>Starts watching with <paramref name="limit"/>, looking every <paramref name="period"/>.</summary>
    public static HeapGrowthWatch Start(HeapGrowthLimit limit, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return new HeapGrowthWatch(limit, period);
    }

    /// <summary>The build's watch (<see cref="HeapGrowthLimit.Default"/>, every 50 ms), or null when the environment turns it off.</summary>
    public static HeapGrowthWatch? StartFromEnvironment() =>
        Environment.GetEnvironmentVariable("HANDBOOK_HEAP_WATCH") == "0" ? null : Start(HeapGrowthLimit.Default, TimeSpan.FromMilliseconds(50));

    public void Dispose() => _timer.Dispose();

    /// <summary>One look: collects when the figures of the latest collection exceed the limit.</summary>
    internal void Look()
    {
        // One look at a time: a collection run by a look may take longer than the period.
        if (Interlocked.Exchange(ref _looking, 1) == 1)
        {
            return;
        }

        try
        {
            var latest = GC.GetGCMemoryInfo(GCKind.Any);
            if (latest.Index == _lastSeenCollection)
            {
                return; // no collection since the last look: the old generations only grow at collections
            }

            _lastSeenCollection = latest.Index;
            var generations = latest.GenerationInfo;
            var oldGenerations = generations[2].SizeAfterBytes + generations[3].SizeAfterBytes + generations[4].SizeAfterBytes;
            var lastFull = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            var live = lastFull.Index == 0 ? 0 : lastFull.PromotedBytes;
            if (!_limit.IsExceeded(oldGenerations, live))
            {
                return;
            }

            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            Interlocked.Increment(ref _collections);
            _lastSeenCollection = GC.GetGCMemoryInfo(GCKind.Any).Index;
        }
        finally
        {
            Volatile.Write(ref _looking, 0);
        }
    }
}
