namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Documents;

/// <summary>
/// Passes the documents on unchanged after a full, blocking, compacting garbage collection, so the memory freed by the
/// stage before is reused (and its regions returned) instead of staying resident. For one-shot builds, right after a stage that
/// let go of a large part of what the documents held (Markdown trees, body HTML) or that left much short-lived data
/// behind (hundreds of MiB of compare pages rendered and copied).
/// </summary>
/// <remarks>
/// Why: a build holds most of its data to the end, so nearly everything survives into the oldest generation, where
/// the collector looks only when that generation has grown by about as much as survived the last look. Data let go
/// between two such looks stays in memory until the next one; at synthetic N = 1000 the process held 1.7 GB while
/// 0.7-0.8 GB was live (issue 9, peak memory). A collection costs about as much as walking what is live, once per
/// place this stage is added; <c>--verbose</c> shows it as this stage's time.
/// <para>
/// Why <see cref="GCCollectionMode.Forced"/> and not <see cref="GCCollectionMode.Aggressive"/>: the aggressive mode
/// also decommits the young generation's budget, so the allocations right after it fault in fresh pages again. Paired
/// runs of published builds (quiet machine): at synthetic N = 1000 aggressive peaked at 0.96 GB and took 1.07x the
/// wall time of forced (1.12 GB); at N = 100 aggressive was 1.11x the wall time of a build without these collections
/// (205 vs 347 MiB), forced 0.94x (294 MiB). Without any, N = 1000 peaked at 1.68 GB.
/// </para>
/// </remarks>
/// <param name="after">The stage whose leftovers it collects.</param>
/// <param name="minimumAllocatedBytes">The collection is skipped when the process allocated less than this since the
/// last collection one of these stages made (<see cref="DefaultMinimumAllocatedBytes"/>).</param>
public sealed class ReturnFreedMemory(string after, long minimumAllocatedBytes = ReturnFreedMemory.DefaultMinimumAllocatedBytes) : IStage
{
    /// <summary>
    /// 8 MiB. Less than that since the last such collection cannot be what the stage is there for (the stages it
    /// follows allocate tens to hundreds of MiB in a build that works on its pages), and a collection costs a walk of
    /// everything live however little was freed. A build that restores its families from the cache (issue 9, after one
    /// commit) renders bodies for the one family it built: 1.5 MiB allocated, and the collection after it paused
    /// 16 ms to give back none of it.
    /// </summary>
    public const long DefaultMinimumAllocatedBytes = 8 * 1024 * 1024;

    // What the process had allocated when one of these stages last collected (process-wide, as the heap is).
    private static long s_allocatedAtLastCollection;

    /// <summary>Named after the stage whose leftovers it collects, e.g. <c>ReturnFreedMemory(RenderBodyHtml)</c>, so several can run in one site.</summary>
    public string Name { get; } = $"{nameof(ReturnFreedMemory)}({after})";

    /// <summary>Whether the last run collected (false: too little was allocated since the last collection to be worth one).</summary>
    public bool Collected { get; private set; }

    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        if (GC.GetTotalAllocatedBytes(precise: false) - Volatile.Read(ref s_allocatedAtLastCollection) < minimumAllocatedBytes)
        {
            Collected = false;
            return documents;
        }

        // Collect on a fresh stack. The stages before ran one after another in one long call (the engine's loop), whose
        // stack slots may still refer to what an earlier stage took or made: at synthetic N = 1000 the Markdown trees
        // (RenderBodyHtml's input) were still reachable here, 431 instead of 203 MiB live. Yielding unwinds that call;
        // the build goes on from a thread-pool thread. The thread that yielded returns to the pool at the same time:
        // a millisecond lets it leave its frames before the collection looks at every thread's stack.
        await Task.Yield();
        Thread.Sleep(1);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Volatile.Write(ref s_allocatedAtLastCollection, GC.GetTotalAllocatedBytes(precise: false));
        Collected = true;
        return documents;
    }
}
