namespace Handbook.Pipeline;

using System.Globalization;
using System.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;

/// <summary>The documents a build produced and every diagnostic it reported, in deterministic order.</summary>
public sealed record BuildResult(IReadOnlyList<Document> Documents, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public bool Succeeded => ErrorCount == 0;

    /// <summary>Time per stage, in run order. Not part of the output: for <c>--verbose</c> summaries only.</summary>
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];

    /// <summary>Wall-clock time of the whole run.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// The source paths this run computed at some stage: every path in a full run; in an incremental run the changed
    /// documents, the ones depending on them, and documents a whole-set stage generates on every run (index pages).
    /// </summary>
    public IReadOnlySet<string> Recomputed { get; init; } = new HashSet<string>();

    /// <summary>
    /// For each path in <see cref="Recomputed"/>, the first stage that computed it (e.g. <c>ReadInput</c> for an edited
    /// file, the parse stage for a page whose dependency asked for it, the theme stage for a page only rendered again).
    /// </summary>
    public IReadOnlyDictionary<string, string> RecomputedFrom { get; init; } = new Dictionary<string, string>();

    /// <summary>Null when the run was incremental; otherwise why everything was computed ("first run", "… produced a new document …").</summary>
    public string? FullRebuildReason { get; init; } = "first run";

    public bool WasIncremental => FullRebuildReason is null;

    /// <summary>What each stage did, for the next incremental run; null for results not made by <see cref="Site"/>.</summary>
    internal RunRecord? Record { get; init; }

    /// <summary>One line per stage plus a total line, for <c>--verbose</c>.</summary>
    public string FormatTimings()
    {
        var text = new StringBuilder();
        foreach (var timing in Timings)
        {
            text.Append(timing.Format()).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"{"total",-28} {Elapsed.TotalMilliseconds,8:0.0} ms  {Documents.Count,5} documents, {ErrorCount} errors, {WarningCount} warnings\n");
        return text.ToString();
    }
}
