namespace Handbook.Pipeline;

using System.Globalization;
using System.Text;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;

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
