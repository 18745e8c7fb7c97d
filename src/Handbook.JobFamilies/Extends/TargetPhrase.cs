namespace Handbook.JobFamilies.Extends;

using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;

/// <summary>
/// Splits the target phrase of a statement into the roles it names: alternatives ("A or B", "Senior Manager, Staff,
/// Principal, or Director level Strategy and Operations") and conjunctions of links ("[A](…) and the [B](…)").
/// Commas alone never split, because titles contain them ("Manager, Sales Operations").
/// </summary>
public static partial class TargetPhrase
{
    private static readonly HashSet<string> LevelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "intern", "junior", "jr", "jr.", "associate", "intermediate", "senior", "sr", "sr.", "staff", "principal",
        "distinguished", "fellow", "manager", "director", "vp", "avp", "svp", "evp", "vice", "president", "lead",
        "head", "group", "executive", "chief", "area",
    };

    /// <summary>The phrases named, and whether they are alternatives (true) or all apply (false).</summary>
    public static (IReadOnlyList<string> Parts, bool IsChoice) Split(string phrase, IReadOnlyList<TextLink> links)
    {
        var p = EitherRegex().Replace(phrase.Trim(), string.Empty);

        // Only links make a conjunction (every part must hold one), so without links the split is not needed.
        if (links.Count > 0)
        {
            var conjunction = AndRegex().Split(p);
            if (conjunction.Length > 1 && conjunction.All(part => links.Any(l => ContainsLink(part, l.Text))))
            {
                return (conjunction.Select(Clean).ToList(), false);
            }
        }

        // "Manager & Senior Manager, Widgets": levels joined by "and"/"&" all apply, each with the rest of the last part.
        if (SharedFamily(p) is { } shared)
        {
            return (shared, false);
        }

        // Without an " or " the split gives the phrase itself (or nothing): fewer than two alternatives. Asked first
        // because most targets name one role, and the split with its trimmed, filtered copy ran for every one (issue 9).
        if (!OrRegex().IsMatch(p))
        {
            return ([Clean(p)], false);
        }

        var alternatives = OrRegex().Split(p).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (alternatives.Count < 2)
        {
            return ([Clean(p)], false);
        }

        // "Senior Manager, Staff, Principal, or Director level X": the parts before "or" may be comma lists of level words.
        var parts = new List<string>();
        for (var i = 0; i < alternatives.Count - 1; i++)
        {
            var commaParts = alternatives[i].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (commaParts.Length > 1 && commaParts.All(IsLevelOnly))
            {
                parts.AddRange(commaParts);
            }
            else
            {
                parts.Add(alternatives[i]);
            }
        }

        var last = alternatives[^1];
        var levelMatch = LevelSuffixRegex().Match(last);
        if (levelMatch.Success)
        {
            // "… or Director level Strategy and Operations": each alternative is "<level> Strategy and Operations".
            var family = levelMatch.Groups["family"].Value.Trim();
            parts.Add(levelMatch.Groups["level"].Value.Trim());
            return (parts.Select(x => Clean(IsLevelOnly(x) ? x + " " + family : x)).ToList(), true);
        }

        // "Director or Senior Director of Customer Success": bare levels borrow the rest of the last alternative.
        var rest = RestAfterLevels(last);
        parts.Add(last);
        return (parts.Select(x => Clean(IsLevelOnly(x) && rest.Length > 0 ? x + " " + rest : x)).ToList(), true);
    }

    /// <summary>
    /// "Manager &amp; Senior Manager, Widgets" → "Manager, Widgets", "Senior Manager, Widgets"; "Senior and Staff Widget
    /// Engineer" → "Senior Widget Engineer", "Staff Widget Engineer". Only when every part before the last is level words
    /// alone and the last part is level words followed by the family's words (so "Director, Sales and Marketing" or
    /// "VP and General Manager" stay one name); null otherwise, and for alternatives ("or"), which are a choice.
    /// </summary>
    private static List<string>? SharedFamily(string phrase)
    {
        if (!LevelConjunctionRegex().IsMatch(phrase) || OrRegex().IsMatch(phrase))
        {
            return null;
        }

        var parts = LevelConjunctionRegex().Split(phrase).Select(x => x.Trim()).ToList();
        if (parts.Count < 2 || parts.Any(x => x.Length == 0) || !parts.Take(parts.Count - 1).All(IsLevelOnly))
        {
            return null;
        }

        var words = parts[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        var comma = false;
        while (i < words.Length && !comma && LevelWords.Contains(words[i].TrimEnd(',')))
        {
            comma = words[i].EndsWith(',');
            i++;
        }

        if (i == 0 || i == words.Length)
        {
            return null;
        }

        var family = (comma ? ", " : " ") + string.Join(' ', words[i..]);
        return parts.Take(parts.Count - 1).Select(level => Clean(level + family)).Append(Clean(parts[^1])).ToList();
    }

    /// <summary>The part holds the link text, or is most of it ("Staff Backend Engineer" in "the Staff Backend Engineer").</summary>
    private static bool ContainsLink(string part, string linkText) =>
        linkText.Length > 0 &&
        (part.Contains(linkText, StringComparison.OrdinalIgnoreCase) ||
         (linkText.Contains(part.Trim(), StringComparison.OrdinalIgnoreCase) && part.Trim().Length * 2 >= linkText.Length));

    internal static bool Overlaps(string a, string b) =>
        a.Length > 0 && b.Length > 0 &&
        (a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase));

    private static bool IsLevelOnly(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 3 && words.All(LevelWords.Contains);
    }

    private static string RestAfterLevels(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        while (i < words.Length && LevelWords.Contains(words[i]))
        {
            i++;
        }

        return i == 0 || i == words.Length ? string.Empty : string.Join(' ', words[i..]);
    }

    private static string Clean(string s) => LeadingArticleRegex().Replace(s.Trim().Trim('"', '\'', ',', ';', ':', '.').Trim(), string.Empty);

    [GeneratedRegex(@"^\s*either\s+|(?<=\s)either\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex EitherRegex();

    [GeneratedRegex(@"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex AndRegex();

    [GeneratedRegex(@"\s+(?:and|&)\s+(?:the\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LevelConjunctionRegex();

    [GeneratedRegex(@"\s*,?\s+or\s+(?:the\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex OrRegex();

    [GeneratedRegex(@"^(?<level>.+?)\s+level\s+(?<family>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LevelSuffixRegex();

    [GeneratedRegex(@"^(?:the|a|an)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LeadingArticleRegex();
}
