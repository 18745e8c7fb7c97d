namespace Handbook.Pipeline;

/// <summary>
/// How long one stage took, how many documents went in and came out, and how much it allocated (for
/// <c>--verbose</c>; allocation is process-wide, so it is exact only because stages run one after another).
/// </summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, int DocumentsIn, int DocumentsOut, long AllocatedBytes = -1)
{
    public string Format() => AllocatedBytes < 0
        ? FormattableString.Invariant($"{Stage,-28} {Elapsed.TotalMilliseconds,8:0.0} ms  {DocumentsIn,5} -> {DocumentsOut,5} documents")
        : FormattableString.Invariant($"{Stage,-28} {Elapsed.TotalMilliseconds,8:0.0} ms  {DocumentsIn,5} -> {DocumentsOut,5} documents {AllocatedBytes / (1024.0 * 1024.0),8:0.0} MiB allocated");
}
