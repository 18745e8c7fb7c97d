namespace Handbook.Pipeline;

/// <summary>How long one stage took and how many documents went in and came out (for <c>--verbose</c>).</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, int DocumentsIn, int DocumentsOut)
{
    public string Format() =>
        FormattableString.Invariant($"{Stage,-28} {Elapsed.TotalMilliseconds,8:0.0} ms  {DocumentsIn,5} -> {DocumentsOut,5} documents");
}
