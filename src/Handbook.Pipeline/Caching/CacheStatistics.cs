namespace Handbook.Pipeline.Caching;

/// <summary>Counters of a <see cref="ContentCache"/> (for <c>--verbose</c>).</summary>
public sealed record CacheStatistics(long Hits, long Misses, long Rejected, long Writes, long WriteFailures)
{
    public string Format() =>
        FormattableString.Invariant($"cache: {Hits} hits, {Misses} misses, {Rejected} damaged entries dropped, {Writes} written, {WriteFailures} write failures");
}
