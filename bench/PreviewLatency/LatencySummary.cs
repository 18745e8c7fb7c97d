namespace Handbook.PreviewLatency;

using System.Globalization;
using System.Text;

/// <summary>min / median / max of each measured span.</summary>
internal static class LatencySummary
{
    public static string Format(string label, IReadOnlyList<LatencySample> samples)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{label}: {samples.Count} edits, {samples.Count(s => s.Incremental)} incremental, median {Median(samples.Select(s => (double)s.RebuiltPages)):0} pages rebuilt, median {Median(samples.Select(s => (double)s.ChangedFiles)):0} files written\n");
        Line(text, "write -> reload event", samples.Select(s => s.Total));
        Line(text, "rebuild start -> event", samples.Select(s => s.AfterQuietPeriod));
        Line(text, "build only (both phases)", samples.Select(s => s.Build));
        Line(text, "write -> build end", samples.Select(s => s.UntilBuildEnd));
        Line(text, "process CPU, write->event", samples.Select(s => s.Cpu));
        Line(text, "process CPU, whole build", samples.Select(s => s.CpuWholeBuild));
        return text.ToString();
    }

    /// <summary>Each stage's median time and allocation over <paramref name="builds"/> (in stage order), and their sums.</summary>
    public static string FormatStages(IReadOnlyList<IReadOnlyList<Handbook.Pipeline.StageTiming>> builds)
    {
        var text = new StringBuilder();
        if (builds.Count == 0)
        {
            return text.ToString();
        }

        double totalMs = 0, totalMiB = 0;
        foreach (var stage in builds[0].Select(t => t.Stage))
        {
            var ms = Median(builds.SelectMany(b => b.Where(t => t.Stage == stage)).Select(t => t.Elapsed.TotalMilliseconds));
            var mib = Median(builds.SelectMany(b => b.Where(t => t.Stage == stage)).Select(t => t.AllocatedBytes / (1024.0 * 1024.0)));
            (totalMs, totalMiB) = (totalMs + ms, totalMiB + mib);
            text.Append(CultureInfo.InvariantCulture, $"    {stage,-28} {ms,8:0.0} ms {mib,8:0.00} MiB\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"    {"sum of medians",-28} {totalMs,8:0.0} ms {totalMiB,8:0.00} MiB\n");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, IEnumerable<TimeSpan> spans)
    {
        var ms = spans.Select(s => s.TotalMilliseconds).Order().ToList();
        text.Append(CultureInfo.InvariantCulture, $"  {name,-26} min {ms[0],7:0.0} ms  median {Median(ms),7:0.0} ms  max {ms[^1],7:0.0} ms\n");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
