namespace Handbook.Pipeline;

/// <summary>
/// How long one stage took, how many documents went in and came out, and how much it allocated (for
/// <c>--verbose</c>; allocation is process-wide, so it is exact only because stages run one after another).
/// </summary>
/// <remarks>
/// <see cref="WorkingSetBytes"/> is the process's resident memory when the stage ended: it shows where the peak
/// memory of a build is reached and which stage's output keeps it there (issue 9).
/// </remarks>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, int DocumentsIn, int DocumentsOut, long AllocatedBytes = -1)
{
    /// <summary>Resident memory of the process at the end of the stage; negative when not measured.</summary>
    public long WorkingSetBytes { get; init; } = -1;

    public string Format()
    {
        var text = AllocatedBytes < 0
            ? FormattableString.Invariant($"{Stage,-28} {Elapsed.TotalMilliseconds,8:0.0} ms  {DocumentsIn,5} -> {DocumentsOut,5} documents")
            : FormattableString.Invariant($"{Stage,-28} {Elapsed.TotalMilliseconds,8:0.0} ms  {DocumentsIn,5} -> {DocumentsOut,5} documents {AllocatedBytes / (1024.0 * 1024.0),8:0.0} MiB allocated");
        return WorkingSetBytes < 0 ? text : text + FormattableString.Invariant($" {WorkingSetBytes / (1024.0 * 1024.0),7:0} MiB resident");
    }
}
