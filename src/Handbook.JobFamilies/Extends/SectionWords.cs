namespace Handbook.JobFamilies.Extends;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Limits;

/// <summary>
/// The words statements use to name sections ("responsibilities", "requirments", "KPIs", "performance indicators"),
/// including the typos real pages have, mapped to <see cref="SectionKind"/>.
/// </summary>
public static partial class SectionWords
{
    /// <summary>One section word (a regex fragment, case-insensitive).</summary>
    internal const string Word =
        @"(?:responsib\w*|resp\w*bilit\w*|respons\w*ilit\w*|requir\w*|requi\w*ments?|performance\s+indicators?|kpis?|pis|nice[- ]to[- ]haves?|job\s+descriptions?|duties)";

    /// <summary>A list of section words: "responsibilities and requirements", "requirements, responsibilities, and performance indicators".</summary>
    internal const string List = Word + @"(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)" + Word + ")*";

    /// <summary>The section kinds named in a phrase, in the order written, without duplicates.</summary>
    public static IReadOnlyList<SectionKind> Parse(string? phrase)
    {
        var kinds = new List<SectionKind>();
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return kinds;
        }

        foreach (Match m in WordRegex().Matches(phrase))
        {
            var kind = KindOf(m.Value);
            if (kind is { } k && !kinds.Contains(k))
            {
                kinds.Add(k);
            }
        }

        return kinds;
    }

    /// <summary>The section kind of one word, or null when it is not a section word.</summary>
    public static SectionKind? KindOf(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.StartsWith("perf", StringComparison.Ordinal) || w.StartsWith("kpi", StringComparison.Ordinal) || w == "pis")
        {
            return SectionKind.PerformanceIndicators;
        }

        if (w.StartsWith("nice", StringComparison.Ordinal))
        {
            return SectionKind.NiceToHaves;
        }

        if (w.StartsWith("requi", StringComparison.Ordinal))
        {
            return SectionKind.Requirements;
        }

        if (w.StartsWith("respons", StringComparison.Ordinal) || w.StartsWith("job", StringComparison.Ordinal) || w == "duties")
        {
            return SectionKind.Responsibilities;
        }

        return null;
    }

    /// <summary>Sections whose items a statement can inherit.</summary>
    public static bool IsInheritable(SectionKind kind) =>
        kind is SectionKind.Responsibilities or SectionKind.Requirements or SectionKind.NiceToHaves or SectionKind.PerformanceIndicators;

    [GeneratedRegex(@"\b" + Word + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex WordRegex();
}
