namespace Handbook.Pipeline;

/// <summary>
/// The garbage collector's work so far in this process: collections by the oldest generation each one collected, and
/// the total time they paused the program. The difference of two readings is what ran between them
/// (<see cref="LiveMemoryProbe"/>, <c>HANDBOOK_GC_STAGES=1</c>).
/// </summary>
/// <param name="Gen0Only">Collections of generation 0 alone.</param>
/// <param name="Gen1Only">Collections of generations 0 and 1, not 2.</param>
/// <param name="Gen2">Full collections (forced ones included).</param>
/// <param name="Paused">Time the program was paused by collections.</param>
public readonly record struct CollectorActivity(int Gen0Only, int Gen1Only, int Gen2, TimeSpan Paused)
{
    /// <summary>The process's counts now. The runtime counts a collection once in each generation it collected.</summary>
    public static CollectorActivity Now()
    {
        var gen2 = GC.CollectionCount(2);
        var gen1 = GC.CollectionCount(1);
        var gen0 = GC.CollectionCount(0);
        return new CollectorActivity(gen0 - gen1, gen1 - gen2, gen2, GC.GetTotalPauseDuration());
    }

    /// <summary>What ran after <paramref name="earlier"/> until this reading.</summary>
    public CollectorActivity Since(CollectorActivity earlier) =>
        new(Gen0Only - earlier.Gen0Only, Gen1Only - earlier.Gen1Only, Gen2 - earlier.Gen2, Paused - earlier.Paused);
}
