namespace Handbook.Pipeline.Memory;

/// <summary>
/// How far the collector's oldest generations may grow above the live set before <see cref="HeapGrowthWatch"/> asks for
/// a full collection: only above <see cref="SmallestOldGenerationBytes"/> (so small sites never pay for one), and by more
/// than <see cref="SlackPercentOfLive"/> % of the live set or <see cref="SmallestSlackBytes"/>, whichever is larger.
/// </summary>
/// <remarks>
/// Why (issue 9): left to itself the collector looks at its oldest generation only once it has grown by about as much
/// as survived the last look, so a large build is resident at about twice its live set (synthetic N = 10000: ≈ 950 MiB
/// resident over ≈ 450–520 MiB live at the end of the batches and in the late half).
/// </remarks>
public sealed record HeapGrowthLimit(long SmallestOldGenerationBytes, long SmallestSlackBytes, int SlackPercentOfLive)
{
    private const long MiB = 1024 * 1024;

    /// <summary>
    /// The build's limit: only old generations above 384 MiB are looked at (synthetic N = 1000, ≈ 200 MiB live and ≈ 350
    /// MiB resident at its peak, stays below), and they may grow by 64 MiB or 10 % of the live set. Measured at synthetic
    /// N = 10000 (one run each, loaded machine): 128 MiB / 25 % ran 1 collection and peaked at 0.89 GiB; 64 MiB / 10 %
    /// ran 8 (17 full collections in all instead of 13) and peaked at 0.86 GiB.
    /// </summary>
    public static readonly HeapGrowthLimit Default = new(384 * MiB, 64 * MiB, 10);

    /// <summary>
    /// Whether old generations of <paramref name="oldGenerationBytes"/> (dead objects included) have outgrown
    /// <paramref name="liveBytes"/>, what survived the last full collection (0 before the first).
    /// </summary>
    public bool IsExceeded(long oldGenerationBytes, long liveBytes) =>
        oldGenerationBytes > SmallestOldGenerationBytes
        && oldGenerationBytes - liveBytes > Math.Max(SmallestSlackBytes, liveBytes / 100 * SlackPercentOfLive);
}
