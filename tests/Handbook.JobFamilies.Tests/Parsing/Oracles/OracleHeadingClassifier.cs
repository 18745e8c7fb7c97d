namespace Handbook.JobFamilies.Tests.Parsing.Oracles;

using System.Text.RegularExpressions;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Text;
using Handbook.Pipeline.Limits;

/// <summary>
/// The oracle for <see cref="Handbook.JobFamilies.Parsing.HeadingClassifier"/>: its implementation before issue 9 (regex
/// tokens, LINQ), kept here unchanged so the allocation-free version can be compared with it.
/// Maps heading titles to section kinds, accepting the spellings real pages use (REPORT §4): "Responsibilties",
/// "Requirments", "Specialities", "Specializations", "Performance Indicators (PI)", "KPIs", "Career paths",
/// "Interview Process", "Hiring Process:", "Nice-to-have's", "**Levels**", trailing colons, and prefixed forms
/// such as "Senior Solutions Architect Job Grade".
/// </summary>
internal static partial class OracleHeadingClassifier
{
    private const string ResponsibilitiesWord = "responsibilities";
    private const string RequirementsWord = "requirements";

    private static readonly string[] SpecialtiesWords = ["specialties", "specialities", "specializations", "specialisations"];

    public static HeadingClassification Classify(string title)
    {
        var clean = Clean(title);
        var tokens = Tokens().Matches(clean).Select(m => (Text: m.Value.ToLowerInvariant(), m.Index)).ToList();
        if (tokens.Count == 0)
        {
            return HeadingClassification.Other;
        }

        string PrefixBefore(int tokenIndex) => TrimPrefix(clean[..tokens[tokenIndex].Index]);
        int Find(Func<string, bool> match, int from = 0) => tokens.FindIndex(from, t => match(t.Text));
        bool At(int i, params string[] words) => i >= 0 && i < tokens.Count && words.Contains(tokens[i].Text);

        // Nice-to-haves first: "Nice-to-have Requirements" and "Preferred Requirements" are not the requirements.
        var nice = Find(t => t == "nice");
        if (nice >= 0 && At(nice + 1, "to") && At(nice + 2, "have", "haves"))
        {
            return new HeadingClassification(SectionKind.NiceToHaves, PrefixBefore(nice));
        }

        var preferred = Find(t => t is "preferred" or "bonus" or "desired");
        if (preferred >= 0 && (At(preferred + 1, "requirements", "requirement", "qualifications", "skills", "points") || tokens.Count == 1))
        {
            return new HeadingClassification(SectionKind.NiceToHaves, PrefixBefore(preferred));
        }

        var job = Find(t => t == "job");
        if (job >= 0 && At(job + 1, "grade", "grades"))
        {
            return new HeadingClassification(SectionKind.JobGrade, PrefixBefore(job));
        }

        if (tokens.Count == 1 && At(0, "grade", "grades"))
        {
            return new HeadingClassification(SectionKind.JobGrade, string.Empty);
        }

        var responsibilities = Find(t => IsNear(t, ResponsibilitiesWord) || IsNear(t, "responsibility"));
        var requirements = Find(t => IsNear(t, RequirementsWord) || IsNear(t, "requirement"));
        if (responsibilities >= 0)
        {
            var at = job >= 0 && job == responsibilities - 1 ? job : responsibilities;
            var (misspelt, suggestion) = Typo(tokens[responsibilities].Text, clean, tokens[responsibilities].Index, ResponsibilitiesWord, "responsibility");
            return new HeadingClassification(SectionKind.Responsibilities, PrefixBefore(at), requirements > responsibilities, misspelt, suggestion);
        }

        if (requirements >= 0)
        {
            var (misspelt, suggestion) = Typo(tokens[requirements].Text, clean, tokens[requirements].Index, RequirementsWord, "requirement");
            return new HeadingClassification(SectionKind.Requirements, PrefixBefore(requirements), false, misspelt, suggestion);
        }

        var performance = Find(t => t == "performance");
        if (performance >= 0 && performance + 1 < tokens.Count && tokens[performance + 1].Text.StartsWith("indicator", StringComparison.Ordinal))
        {
            var at = performance > 0 && At(performance - 1, "key") ? performance - 1 : performance;
            return new HeadingClassification(SectionKind.PerformanceIndicators, PrefixBefore(at));
        }

        var kpi = Find(t => t is "kpi" or "kpis");
        if (kpi >= 0)
        {
            return new HeadingClassification(SectionKind.PerformanceIndicators, PrefixBefore(kpi));
        }

        var career = Find(t => t == "career");
        if (career >= 0 && At(career + 1, "ladder", "ladders", "path", "paths"))
        {
            return new HeadingClassification(SectionKind.CareerLadder, PrefixBefore(career));
        }

        var process = Find(t => t == "process");
        if (process > 0 && At(process - 1, "hiring", "interview", "interviewing", "recruiting"))
        {
            return new HeadingClassification(SectionKind.HiringProcess, PrefixBefore(process - 1));
        }

        // Added in the twenty-first session to both implementations (the Support pages' list headings).
        if (At(0, "what") && At(1, "you") && At(2, "can") && At(3, "expect") && At(4, "in") && Find(t => t == "role") > 5)
        {
            return new HeadingClassification(SectionKind.Responsibilities, string.Empty);
        }

        if (At(0, "you") && At(1, "should") && At(2, "apply") && (tokens.Count == 3 || At(3, "if")))
        {
            return new HeadingClassification(SectionKind.Requirements, string.Empty);
        }

        // Added in the twenty-fourth session to both implementations ("What you'll do" over a role's duties).
        if (tokens.Count == 4 && At(0, "what") && At(1, "you") && At(2, "ll", "will") && At(3, "do"))
        {
            return new HeadingClassification(SectionKind.Responsibilities, string.Empty);
        }

        // Levels and specialties only as the whole title, first word ("Levels for X") or last word ("X Levels"), so a
        // level called "Staff (Staff level is only reached by promotion)" is not taken for a levels heading.
        var words = Tokens().Matches(Parenthesised().Replace(clean, " ")).Select(m => m.Value.ToLowerInvariant()).ToList();
        if (words.Count > 0)
        {
            if (words[0] is "levels" or "level" && (words.Count == 1 || words[1] is "for" or "of" or "in"))
            {
                return new HeadingClassification(SectionKind.Levels, string.Empty);
            }

            if (words[^1] == "levels" && words.Count <= 8)
            {
                return new HeadingClassification(SectionKind.Levels, TrimPrefix(clean[..clean.LastIndexOf(tokens[^1].Text, StringComparison.OrdinalIgnoreCase)]));
            }

            if (SpecialtiesWords.Contains(words[0]) && (words.Count == 1 || words[1] is "for" or "of" or "in")
                || words.Count == 1 && words[0] is "specialty" or "speciality" or "specialization" or "specialisation")
            {
                return new HeadingClassification(SectionKind.Specialties, string.Empty);
            }

            if (SpecialtiesWords.Contains(words[^1]) && words.Count <= 6)
            {
                return new HeadingClassification(SectionKind.Specialties, TrimPrefix(clean[..clean.LastIndexOf(tokens[^1].Text, StringComparison.OrdinalIgnoreCase)]));
            }
        }

        return HeadingClassification.Other;
    }

    /// <summary>The title without decoration: surrounding '*'/'_' left over from bold, trailing ':' and spaces.</summary>
    public static string Clean(string title)
    {
        var text = OracleInlineText.Collapse(title);
        return text.Trim().Trim('*', '_').Trim().TrimEnd(':', '.').Trim();
    }

    /// <summary>
    /// Restricted Damerau–Levenshtein distance ≤ 2 for long words (≥ 9 letters) so typos such as "Responsbilities" or
    /// "Requirments" match, while short words must match exactly.
    /// </summary>
    internal static bool IsNear(string word, string target)
    {
        if (word == target)
        {
            return true;
        }

        if (word.Length < 9 || Math.Abs(word.Length - target.Length) > 2 || word[0] != target[0])
        {
            return false;
        }

        return DamerauLevenshtein.Distance(word, target) <= 2;
    }

    private static (string? Misspelt, string? Suggestion) Typo(string token, string clean, int index, string plural, string singular)
    {
        if (token == plural || token == singular)
        {
            return (null, null);
        }

        var written = clean.Substring(index, token.Length);
        var correct = DamerauLevenshtein.Distance(token, plural) <= DamerauLevenshtein.Distance(token, singular) ? plural : singular;
        var suggestion = char.IsUpper(written[0]) ? char.ToUpperInvariant(correct[0]) + correct[1..] : correct;
        return (written, suggestion);
    }

    private static string TrimPrefix(string prefix) => prefix.Trim().TrimEnd(',', '-', '–', '—', ':', '&', '/', '(', '*').Trim();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"\([^)]*\)", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Parenthesised();
}
