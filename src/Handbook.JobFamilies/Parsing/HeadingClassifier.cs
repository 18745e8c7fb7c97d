namespace Handbook.JobFamilies.Parsing;

using System.Globalization;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Text;

/// <summary>
/// Maps heading titles to section kinds, accepting the spellings real pages use (REPORT §4): "Responsibilties",
/// "Requirments", "Specialities", "Specializations", "Performance Indicators (PI)", "KPIs", "Career paths",
/// "Interview Process", "Hiring Process:", "Nice-to-have's", "**Levels**", trailing colons, and prefixed forms
/// such as "Senior Solutions Architect Job Grade"; and the Support pages' "What you can expect in a X role" and
/// "You should apply if" (responsibilities and requirements).
/// </summary>
public static class HeadingClassifier
{
    private const string ResponsibilitiesWord = "responsibilities";
    private const string RequirementsWord = "requirements";

    private static readonly string[] SpecialtiesWords = ["specialties", "specialities", "specializations", "specialisations"];

    public static HeadingClassification Classify(string title)
    {
        var clean = Clean(title);

        // Tokens are runs of letters and digits of the title, compared lower-cased: as ranges of one lower-cased copy
        // (invariant lower-casing maps characters one by one and keeps the length, and a token holds no
        // surrogates), made into strings only where a typo or a prefix needs one: this runs on every heading of every page.
        var lower = clean.ToLowerInvariant();
        var tokens = new HeadingTokens(lower);
        TokenRanges(clean, skipParenthesised: false, tokens.Ranges);
        if (tokens.Count == 0)
        {
            return HeadingClassification.Other;
        }

        // Nice-to-haves first: "Nice-to-have Requirements" and "Preferred Requirements" are not the requirements.
        var nice = tokens.Find("nice");
        if (nice >= 0 && tokens.At(nice + 1, "to") && tokens.At(nice + 2, "have", "haves"))
        {
            return new HeadingClassification(SectionKind.NiceToHaves, PrefixBefore(clean, tokens, nice));
        }

        var preferred = tokens.Find("preferred", "bonus", "desired");
        if (preferred >= 0 && (tokens.At(preferred + 1, "requirements", "requirement", "qualifications", "skills", "points") || tokens.Count == 1))
        {
            return new HeadingClassification(SectionKind.NiceToHaves, PrefixBefore(clean, tokens, preferred));
        }

        var job = tokens.Find("job");
        if (job >= 0 && tokens.At(job + 1, "grade", "grades"))
        {
            return new HeadingClassification(SectionKind.JobGrade, PrefixBefore(clean, tokens, job));
        }

        if (tokens.Count == 1 && tokens.At(0, "grade", "grades"))
        {
            return new HeadingClassification(SectionKind.JobGrade, string.Empty);
        }

        var responsibilities = tokens.FindNear(ResponsibilitiesWord, "responsibility");
        var requirements = tokens.FindNear(RequirementsWord, "requirement");
        if (responsibilities >= 0)
        {
            var at = job >= 0 && job == responsibilities - 1 ? job : responsibilities;
            var (misspelt, suggestion) = Typo(tokens.Text(responsibilities), clean, tokens.Ranges[responsibilities].Start, ResponsibilitiesWord, "responsibility");
            return new HeadingClassification(SectionKind.Responsibilities, PrefixBefore(clean, tokens, at), requirements > responsibilities, misspelt, suggestion);
        }

        if (requirements >= 0)
        {
            var (misspelt, suggestion) = Typo(tokens.Text(requirements), clean, tokens.Ranges[requirements].Start, RequirementsWord, "requirement");
            return new HeadingClassification(SectionKind.Requirements, PrefixBefore(clean, tokens, requirements), false, misspelt, suggestion);
        }

        var performance = tokens.Find("performance");
        if (performance >= 0 && performance + 1 < tokens.Count && tokens.Span(performance + 1).StartsWith("indicator", StringComparison.Ordinal))
        {
            var at = performance > 0 && tokens.At(performance - 1, "key") ? performance - 1 : performance;
            return new HeadingClassification(SectionKind.PerformanceIndicators, PrefixBefore(clean, tokens, at));
        }

        var kpi = tokens.Find("kpi", "kpis");
        if (kpi >= 0)
        {
            return new HeadingClassification(SectionKind.PerformanceIndicators, PrefixBefore(clean, tokens, kpi));
        }

        var career = tokens.Find("career");
        if (career >= 0 && tokens.At(career + 1, "ladder", "ladders", "path", "paths"))
        {
            return new HeadingClassification(SectionKind.CareerLadder, PrefixBefore(clean, tokens, career));
        }

        var process = tokens.Find("process");
        if (process > 0 && tokens.At(process - 1, "hiring", "interview", "interviewing", "recruiting"))
        {
            return new HeadingClassification(SectionKind.HiringProcess, PrefixBefore(clean, tokens, process - 1));
        }

        // The Support pages' own words for the two lists (both eras): "What you can expect in a Widget Engineer role at
        // GitLab" over what the role does, and "You should apply if…" over what it asks of a candidate. Read as the
        // role's Responsibilities and Requirements (what later levels extend and the export lists); only the whole
        // phrase, and with no prefix: the role they name is the one they are written in, in other words.
        if (tokens.At(0, "what") && tokens.At(1, "you") && tokens.At(2, "can") && tokens.At(3, "expect") && tokens.At(4, "in") && tokens.Find("role") > 5)
        {
            return new HeadingClassification(SectionKind.Responsibilities, string.Empty);
        }

        if (tokens.At(0, "you") && tokens.At(1, "should") && tokens.At(2, "apply") && (tokens.Count == 3 || tokens.At(3, "if")))
        {
            return new HeadingClassification(SectionKind.Requirements, string.Empty);
        }

        // "What you'll do" (or "What you will do") over what a role does – a job ad's word for its responsibilities
        // (the data-analyst intern level of both eras; before, its bullets were nobody's list). The whole title only:
        // "What you'll do in your first month" is text about the role.
        if (tokens.Count is 4 && tokens.At(0, "what") && tokens.At(1, "you") && tokens.At(2, "ll", "will") && tokens.At(3, "do"))
        {
            return new HeadingClassification(SectionKind.Responsibilities, string.Empty);
        }

        // Levels and specialties only as the whole title, first word ("Levels for X") or last word ("X Levels"), so a
        // level called "Staff (Staff level is only reached by promotion)" is not taken for a levels heading.
        var words = new HeadingTokens(lower);
        TokenRanges(clean, skipParenthesised: true, words.Ranges);
        if (words.Count > 0)
        {
            var last = words.Count - 1;
            if (words.At(0, "levels", "level") && (words.Count == 1 || words.At(1, "for", "of", "in")))
            {
                return new HeadingClassification(SectionKind.Levels, string.Empty);
            }

            if (words.At(last, "levels") && words.Count <= 8)
            {
                return new HeadingClassification(SectionKind.Levels, PrefixBeforeLastWord(clean, tokens));
            }

            if (words.At(0, SpecialtiesWords) && (words.Count == 1 || words.At(1, "for", "of", "in"))
                || words.Count == 1 && words.At(0, "specialty", "speciality", "specialization", "specialisation"))
            {
                return new HeadingClassification(SectionKind.Specialties, string.Empty);
            }

            if (words.At(last, SpecialtiesWords) && words.Count <= 6)
            {
                return new HeadingClassification(SectionKind.Specialties, PrefixBeforeLastWord(clean, tokens));
            }
        }

        return HeadingClassification.Other;
    }

    /// <summary>
    /// The runs of letters and digits (Unicode letters and numbers, one UTF-16 unit at a time) of
    /// <paramref name="text"/>; with <paramref name="skipParenthesised"/> a parenthesised part (an opening parenthesis
    /// up to the next closing one) separates runs and contributes none.
    /// </summary>
    internal static void TokenRanges(string text, bool skipParenthesised, List<(int Start, int Length)> ranges)
    {
        var skipFrom = int.MaxValue;
        var skipTo = -1;
        if (skipParenthesised)
        {
            NextParenthesised(text, 0, out skipFrom, out skipTo);
        }

        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (i >= skipFrom)
            {
                // The parenthesised part reads as a space: it ends a run.
                if (start >= 0)
                {
                    ranges.Add((start, i - start));
                    start = -1;
                }

                i = skipTo;
                NextParenthesised(text, skipTo + 1, out skipFrom, out skipTo);
                continue;
            }

            if (IsTokenCharacter(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                ranges.Add((start, i - start));
                start = -1;
            }
        }

        if (start >= 0)
        {
            ranges.Add((start, text.Length - start));
        }
    }

    /// <summary>
    /// The next "(…)" at or after <paramref name="from"/>: an opening parenthesis and the first closing one after it.
    /// Without a closing parenthesis there is none, here or later.
    /// </summary>
    private static void NextParenthesised(string text, int from, out int open, out int close)
    {
        open = from < text.Length ? text.IndexOf('(', from) : -1;
        close = open < 0 ? -1 : text.IndexOf(')', open + 1);
        if (open < 0 || close < 0)
        {
            open = int.MaxValue;
            close = -1;
        }
    }

    /// <summary>What <c>[\p{L}\p{N}]</c> matches: a letter or a number of any kind.</summary>
    private static bool IsTokenCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>
    /// The title before the last occurrence of its last word (any case). A word whose lower-case form is not found
    /// that way (the Kelvin sign 'K' lowers to 'k', which ignoring case does not find) is cut at its own start: the
    /// search returned -1 there and the classifier threw.
    /// </summary>
    private static string PrefixBeforeLastWord(string clean, HeadingTokens tokens)
    {
        var at = clean.LastIndexOf(tokens.Text(tokens.Count - 1), StringComparison.OrdinalIgnoreCase);
        return TrimPrefix(clean[..(at >= 0 ? at : tokens.Ranges[tokens.Count - 1].Start)]);
    }

    private static string PrefixBefore(string clean, HeadingTokens tokens, int tokenIndex) => TrimPrefix(clean[..tokens.Ranges[tokenIndex].Start]);

    /// <summary>The title without decoration: surrounding '*'/'_' left over from bold, trailing ':' and spaces.</summary>
    public static string Clean(string title)
    {
        var text = Markdown.InlineText.Collapse(title);
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

        return IsNear(word.AsSpan(), target);
    }

    /// <inheritdoc cref="IsNear(string, string)"/>
    internal static bool IsNear(ReadOnlySpan<char> word, string target)
    {
        if (word.SequenceEqual(target))
        {
            return true;
        }

        if (word.Length < 9 || Math.Abs(word.Length - target.Length) > 2 || word[0] != target[0])
        {
            return false;
        }

        return DamerauLevenshtein.Distance(word.ToString(), target) <= 2;
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
}
