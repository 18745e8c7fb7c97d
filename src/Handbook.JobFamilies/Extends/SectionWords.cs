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
    public static IReadOnlyList<SectionKind> Parse(string? phrase) => Parse(phrase.AsSpan());

    /// <summary>
    /// <see cref="Parse(string?)"/> of a part of a sentence, without making it a string: the words are found with
    /// <see cref="Regex.EnumerateMatches(ReadOnlySpan{char})"/> (no match objects) and classified in place; every
    /// statement's section list passes here (issue 9).
    /// </summary>
    public static IReadOnlyList<SectionKind> Parse(ReadOnlySpan<char> phrase)
    {
        var kinds = new List<SectionKind>();
        if (phrase.IsWhiteSpace())
        {
            return kinds;
        }

        foreach (var m in WordRegex().EnumerateMatches(phrase))
        {
            var kind = KindOf(phrase.Slice(m.Index, m.Length));
            if (kind is { } k && !kinds.Contains(k))
            {
                kinds.Add(k);
            }
        }

        return kinds;
    }

    /// <summary>The section kind of one word, or null when it is not a section word.</summary>
    public static SectionKind? KindOf(string word) => KindOf(word.AsSpan());

    /// <summary>
    /// <see cref="KindOf(string)"/> of a word in a longer text. Lowered as <see cref="string.ToLowerInvariant()"/>
    /// lowers (the pattern's case-insensitive letters include the Kelvin sign, which lowers to 'k'), into a stack
    /// buffer for the words statements are made of.
    /// </summary>
    public static SectionKind? KindOf(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[64] : new char[word.Length];
        var w = buffer[..word.ToLowerInvariant(buffer)];
        if (w.StartsWith("perf", StringComparison.Ordinal) || w.StartsWith("kpi", StringComparison.Ordinal) || w.SequenceEqual("pis"))
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

        if (w.StartsWith("respons", StringComparison.Ordinal) || w.StartsWith("job", StringComparison.Ordinal) || w.SequenceEqual("duties"))
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
