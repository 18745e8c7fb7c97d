namespace Handbook.JobFamilies.Extends;

using System.Text;
using Handbook.JobFamilies.Text;

/// <summary>
/// Compares a role phrase from a statement with role names on a page, the way a reader would: case, punctuation and
/// word order do not matter; "Sr"/"Senior", "Jr"/"Junior"/"Associate" and plurals are the same; "(Intermediate)" may
/// be left out; the family words may be left out ("Senior" for "Senior Backend Engineer"); acronyms match the words
/// they abbreviate ("CSM", "Sr Director of SA"); small typos are forgiven ("Parnter", "Technolgoy"). Returns a cost:
/// 0 is a perfect match, higher is worse, null is no match.
/// </summary>
public static class RoleNameMatcher
{
    /// <summary>A target word that is not on the candidate costs this much.</summary>
    private const double MissingWord = 1.0;

    private const double ExtraLevelWord = 1.0;

    private const double ExtraFamilyWord = 0.25;

    private const double ExtraOtherWord = 0.5;

    private const double TypoWord = 0.3;

    private const double AcronymWord = 0.2;

    /// <summary>Same stem, different form ("Engineering" for "Engineer").</summary>
    private const double StemWord = 0.1;

    /// <summary>A target word missing on the candidate that the family title supplies ("Analyst Relations Manager" on the Product Marketing Manager page).</summary>
    private const double MissingFamilyWord = 0.25;

    /// <summary>
    /// A scope word of the target the candidate lacks ("Global Support Managers" for "Manager, Support Engineering"):
    /// it narrows where the role works, not which role it is.
    /// </summary>
    private const double MissingScopeWord = 0.5;

    /// <summary>"Intermediate" written on one side only: almost free, but an exact name still wins.</summary>
    private const double IntermediateWord = 0.01;

    /// <summary>Same words in another order ("FP&amp;A Manager" / "Manager, FP&amp;A"): almost free, but the same order wins.</summary>
    private const double OtherOrder = 0.05;

    /// <summary>The highest cost that still counts as a match.</summary>
    public const double MaxCost = 1.5;

    private static readonly HashSet<string> StopWords = ["the", "a", "an", "of", "for", "level", "levels", "role", "roles", "position", "job", "and", "in", "at", "to"];

    private static readonly HashSet<string> ScopeWords =
    [
        "global", "regional", "worldwide", "international", "local", "americas", "amer", "emea", "apac", "apj", "latam",
    ];

    private static readonly HashSet<string> LevelWords =
    [
        "intern", "associate", "intermediate", "senior", "staff", "principal", "distinguished", "fellow", "manager",
        "director", "vice", "president", "lead", "head", "group", "executive", "chief", "avp", "svp", "evp",
    ];

    /// <summary>True for words that name a level or rank rather than a job ("Senior", "Manager", "Director").</summary>
    public static bool IsLevelWord(string word) => LevelWords.Contains(word);

    /// <summary>Words of a name after normalisation (lower case, abbreviations expanded, singular, stop words dropped).</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in LinkedText.Collapse(name).ToLowerInvariant())
        {
            if (c == '&')
            {
                text.Append(" & ");
                continue;
            }

            text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = new List<string>();
        var raw = JoinAmpersandAcronyms(text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        for (var i = 0; i < raw.Length; i++)
        {
            var w = raw[i];
            if (w == "grade" && i + 1 < raw.Length && raw[i + 1].All(char.IsDigit))
            {
                // "the grade 8 manager level": the grade number is not part of a role name.
                i++;
                continue;
            }

            switch (w)
            {
                case "sr":
                    words.Add("senior");
                    continue;
                case "jr" or "junior":
                    words.Add("associate");
                    continue;
                case "vp":
                    words.Add("vice");
                    words.Add("president");
                    continue;
                case "mgr":
                    words.Add("manager");
                    continue;
            }

            if (StopWords.Contains(w))
            {
                continue;
            }

            words.Add(Stem(w, ing: false));
        }

        return words;
    }

    /// <summary>
    /// "L&amp;D", "G &amp; A": letters joined by an ampersand are one acronym ("ld", matched by the initials of "Learning
    /// &amp; Development"); between longer words ("Learning &amp; Development") the ampersand is only a separator.
    /// </summary>
    private static string[] JoinAmpersandAcronyms(string[] raw)
    {
        if (Array.IndexOf(raw, "&") < 0)
        {
            return raw;
        }

        var joined = new List<string>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == "&")
            {
                continue;
            }

            var word = raw[i];
            while (IsAcronymPart(word) && i + 2 < raw.Length && raw[i + 1] == "&" && IsAcronymPart(raw[i + 2]))
            {
                word += raw[i + 2];
                i += 2;
            }

            joined.Add(word);
        }

        return [.. joined];
    }

    private static bool IsAcronymPart(string word) => word.Length <= 2 && word.All(char.IsLetter);

    /// <summary>
    /// The cost of reading <paramref name="target"/> as <paramref name="candidate"/> on a page whose family title
    /// has <paramref name="familyWords"/>; null when they are different roles.
    /// </summary>
    public static double? Cost(IReadOnlyList<string> target, IReadOnlyList<string> candidate, IReadOnlyCollection<string> familyWords)
    {
        if (target.Count == 0 || candidate.Count == 0)
        {
            return null;
        }

        // Plain index loops, no enumerators, and the marks on the stack: this runs for every candidate role of every
        // statement (issue 9).
        Span<bool> used = candidate.Count <= 64 ? stackalloc bool[candidate.Count] : new bool[candidate.Count];
        var cost = 0.0;
        var missing = 0;

        // The target words no candidate word equals, by index in target order (on the stack, like the marks: a list
        // of them per candidate role was most of what scoring a statement's names allocated, issue 9).
        Span<int> unmatched = target.Count <= 64 ? stackalloc int[target.Count] : new int[target.Count];
        var unmatchedCount = 0;

        // Exact words first, so a typo match never steals a word another target word matches exactly.
        for (var k = 0; k < target.Count; k++)
        {
            var t = target[k];
            var i = FindUnusedEqual(candidate, used, t);
            if (i >= 0)
            {
                used[i] = true;
            }
            else
            {
                unmatched[unmatchedCount++] = k;
            }
        }

        var levelOnly = AllLevelWords(target);
        Span<char> stemBuffer = stackalloc char[64];
        for (var k = 0; k < unmatchedCount; k++)
        {
            var t = target[unmatched[k]];
            var stem = FindUnusedSameStem(candidate, used, StemOf(t, stemBuffer));
            if (stem >= 0)
            {
                used[stem] = true;
                cost += StemWord;
                continue;
            }

            var i = FindUnusedTypo(candidate, used, t);
            if (i >= 0)
            {
                used[i] = true;
                cost += TypoWord;
                continue;
            }

            if (FindAcronym(t, candidate, used))
            {
                cost += AcronymWord;
                continue;
            }

            if (t == "intermediate")
            {
                cost += IntermediateWord;
                continue;
            }

            if (familyWords.Contains(t))
            {
                cost += MissingFamilyWord;
                continue;
            }

            if (ScopeWords.Contains(t))
            {
                cost += MissingScopeWord;
                continue;
            }

            if (LevelWords.Contains(t))
            {
                // A level word the candidate lacks ("Senior" vs "Staff"): a different role.
                return null;
            }

            cost += MissingWord;
            missing++;
        }

        if (missing > 0 && (missing >= target.Count || (target.Count < 4 && missing > 0 && target.Count - missing < 2)))
        {
            return null;
        }

        for (var i = 0; i < candidate.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            // A target made of level words only ("the Director", "Senior Manager") names the level: the rest of the
            // candidate's title is expected.
            // A word the family title supplies is a family word even when it is also a rank word: "Manager" in
            // "Principal Product Manager" on the Product Manager page is the job, not a rank, so "the Principal role"
            // is that level rather than a specialty read with the words of the level above it.
            var c = candidate[i];
            cost += c == "intermediate" ? IntermediateWord
                : LevelWords.Contains(c) && !(levelOnly && familyWords.Contains(c)) ? ExtraLevelWord
                : familyWords.Contains(c) ? (levelOnly ? ExtraFamilyWord / 5 : ExtraFamilyWord)
                : levelOnly ? ExtraOtherWord / 5 : ExtraOtherWord;
        }

        if (!SameOrder(target, candidate))
        {
            cost += OtherOrder;
        }

        return cost <= MaxCost ? cost : null;
    }

    /// <summary>Edit distance between two normalised names, for "did you mean" hints.</summary>
    public static int HintDistance(string a, string b) =>
        DamerauLevenshtein.Distance(string.Join(' ', Words(a)), string.Join(' ', Words(b)));

    /// <summary>True when the target's words (but "intermediate") appear in the candidate's words (but "intermediate") in order.</summary>
    private static bool SameOrder(IReadOnlyList<string> target, IReadOnlyList<string> candidate)
    {
        var j = NextWord(target, 0);
        for (var k = 0; k < candidate.Count; k++)
        {
            var w = candidate[k];
            if (w != "intermediate" && j < target.Count && target[j] == w)
            {
                j = NextWord(target, j + 1);
            }
        }

        return j >= target.Count;
    }

    /// <summary>The index of the first word from <paramref name="from"/> on that is not "intermediate" (Count when none).</summary>
    private static int NextWord(IReadOnlyList<string> words, int from)
    {
        while (from < words.Count && words[from] == "intermediate")
        {
            from++;
        }

        return from;
    }

    private static bool AllLevelWords(IReadOnlyList<string> words)
    {
        for (var k = 0; k < words.Count; k++)
        {
            if (!LevelWords.Contains(words[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static int FindUnusedEqual(IReadOnlyList<string> candidate, Span<bool> used, string word)
    {
        for (var i = 0; i < candidate.Count; i++)
        {
            if (!used[i] && candidate[i] == word)
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindUnusedSameStem(IReadOnlyList<string> candidate, Span<bool> used, ReadOnlySpan<char> stem)
    {
        for (var i = 0; i < candidate.Count; i++)
        {
            if (!used[i] && StemEquals(candidate[i], stem))
            {
                return i;
            }
        }

        return -1;
    }

    private static int FindUnusedTypo(IReadOnlyList<string> candidate, Span<bool> used, string word)
    {
        for (var i = 0; i < candidate.Count; i++)
        {
            if (!used[i] && IsTypo(word, candidate[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsTypo(string a, string b)
    {
        var tolerance = DamerauLevenshtein.Tolerance(Math.Min(a.Length, b.Length));
        return tolerance > 0 && Math.Abs(a.Length - b.Length) <= tolerance && DamerauLevenshtein.Distance(a, b) <= tolerance;
    }

    /// <summary>Marks a run of unused candidate words whose initials spell <paramref name="acronym"/>; false when there is none.</summary>
    private static bool FindAcronym(string acronym, IReadOnlyList<string> candidate, Span<bool> used)
    {
        if (acronym.Length is < 2 or > 5)
        {
            return false;
        }

        for (var start = 0; start + acronym.Length <= candidate.Count; start++)
        {
            var ok = true;
            for (var k = 0; k < acronym.Length && ok; k++)
            {
                ok = !used[start + k] && candidate[start + k][0] == acronym[k];
            }

            if (ok)
            {
                used.Slice(start, acronym.Length).Fill(true);
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Stem(w, ing: true) == stem</c> without making the stem (the same rules, in the same order).</summary>
    internal static bool StemEquals(string w, string stem) => StemEquals(w, stem.AsSpan());

    /// <summary><see cref="StemEquals(string, string)"/> for a stem that is not a string (<see cref="StemOf"/>).</summary>
    internal static bool StemEquals(string w, ReadOnlySpan<char> stem)
    {
        if (w.Length > 6 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            return w.AsSpan(0, w.Length - 3).SequenceEqual(stem);
        }

        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return stem.Length == w.Length - 2 && stem[^1] == 'y' && w.AsSpan(0, w.Length - 3).SequenceEqual(stem[..^1]);
        }

        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            return w.AsSpan(0, w.Length - 1).SequenceEqual(stem);
        }

        return w.AsSpan().SequenceEqual(stem);
    }

    /// <summary>
    /// The characters of <c>Stem(w, ing: true)</c> without making a string: a slice of <paramref name="w"/>, or for
    /// the "ies" → "y" rule the stem written into <paramref name="buffer"/> (a string when the word is longer).
    /// </summary>
    internal static ReadOnlySpan<char> StemOf(string w, Span<char> buffer)
    {
        if (w.Length > 6 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            return w.AsSpan(0, w.Length - 3);
        }

        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            if (w.Length - 2 > buffer.Length)
            {
                return Stem(w, ing: true);
            }

            w.AsSpan(0, w.Length - 3).CopyTo(buffer);
            buffer[w.Length - 3] = 'y';
            return buffer[..(w.Length - 2)];
        }

        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            return w.AsSpan(0, w.Length - 1);
        }

        return w;
    }

    internal static string Stem(string w, bool ing)
    {
        if (ing && w.Length > 6 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            return w[..^3];
        }

        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        return w;
    }
}
