namespace Handbook.Site.Cli;

using System.Globalization;
using Handbook.Site.Building;

/// <summary>The one-line summaries printed after the diagnostics ("built 42 pages from 14 families in 0.84 s: …").</summary>
public static class Summary
{
    public static string OfBuild(BuildReport report)
    {
        var line = $"built {Count(report.PageCount, "page", "pages")} from {Count(report.FamilyCount, "family", "families")} in {Seconds(report)}: {Problems(report)}";
        return report.OutputWritten ? line : line + " (output not written; --keep-going writes it despite errors)";
    }

    public static string OfCheck(BuildReport report) =>
        $"checked {Count(report.FamilyCount, "family", "families")} in {Seconds(report)}: {Problems(report)}";

    private static string Problems(BuildReport report) =>
        $"{Count(report.ErrorCount, "error", "errors")}, {Count(report.WarningCount, "warning", "warnings")}";

    private static string Seconds(BuildReport report) =>
        report.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Count(int n, string one, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
