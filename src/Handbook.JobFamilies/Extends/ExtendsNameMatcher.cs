namespace Handbook.JobFamilies.Extends;

using System.Text.RegularExpressions;

/// <summary>
/// The commonest wording, "Extends [either] [that of] [the] X [sections] [ending]", matched by hand with exactly the
/// groups, positions and preferences of its pattern (<c>ExtendsName</c> in <see cref="ExtendsRecognizer"/>):
/// <code>^extends\s+(?:either\s+)?(?&lt;strong&gt;that\s+of\s+|that\s+)?(?:the\s+|thet\s+)?(?&lt;key&gt;(?&lt;t&gt;.+?))(?:\s+(?&lt;s&gt;S))?End$</code>
/// <para>
/// Why: the pattern's lazy target tries the optional section list and the eight endings at every character of the
/// target; that was ~85 % of recognition CPU (30–40 µs per statement). Here the target's end is found by scanning for
/// the first position where the pattern could stop it, in the pattern's own order: at each position, first
/// "spaces + section list (+ ending)" (only where a section word can start; the list itself, with its backtracking, is
/// still matched by a pattern), then one of the endings, then the end of the text.
/// </para>
/// <para>
/// Domain: sentences of printable ASCII (U+0020–U+007E), where <c>\s</c> is the space, <c>.</c> any character,
/// <c>\w</c> <c>[A-Za-z0-9_]</c> and case-insensitive letters are ASCII pairs. Anything else, and the rare shapes
/// where the pattern would backtrack into its optional prefix (nothing left for the target), are left to the pattern.
/// Proven equal to the pattern (match, every group, positions) in <c>ExtendsRecognizerEngineTests</c>.
/// </para>
/// </summary>
internal static partial class ExtendsNameMatcher
{
    /// <summary>"Spaces + section list (+ ending)" from a position, as the pattern tries it first there.</summary>
    internal static readonly RecognizerPattern SectionsThenEnd = new(SectionsThenEndText, SectionsThenEndOptions, SectionsThenEndGenerated);

    private const string SectionsThenEndText = @"\G\s+(?<s>" + SectionWords.List + ")" + ExtendsRecognizer.End + "$";

    private const RegexOptions SectionsThenEndOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>
    /// True when decided: <paramref name="match"/> is the pattern's match, or null when it does not match. False when
    /// the text is outside the domain (see the class): the caller runs the pattern.
    /// </summary>
    public static bool TryMatch(string text, out WordingMatch? match)
    {
        match = null;
        if (!IsPrintableAscii(text))
        {
            return false;
        }

        if (!WordAt(text, 0, "extends") || !IsSpace(text, 7))
        {
            return true;
        }

        // The optional prefix, each part taken when present (the pattern's first choice, kept whenever a target
        // of at least one character is left, because the target can always run to the end).
        var p = SkipSpaces(text, 7);
        if (WordAt(text, p, "either") && IsSpace(text, p + 6))
        {
            p = SkipSpaces(text, p + 6);
        }

        var strongStart = -1;
        if (WordAt(text, p, "that") && IsSpace(text, p + 4))
        {
            strongStart = p;
            p = SkipSpaces(text, p + 4);
            if (WordAt(text, p, "of") && IsSpace(text, p + 2))
            {
                p = SkipSpaces(text, p + 2);
            }
        }

        var strongLength = strongStart < 0 ? 0 : p - strongStart;
        if (WordAt(text, p, "the") && IsSpace(text, p + 3))
        {
            p = SkipSpaces(text, p + 3);
        }
        else if (WordAt(text, p, "thet") && IsSpace(text, p + 4))
        {
            p = SkipSpaces(text, p + 4);
        }

        if (p >= text.Length)
        {
            return false;
        }

        // The target is the shortest text (at least one character) after which the rest matches.
        for (var k = p + 1; k <= text.Length; k++)
        {
            if (k < text.Length && text[k] == ' ' && SectionWordMayStart(text, SkipSpaces(text, k)))
            {
                var tail = SectionsThenEnd.Regex.Match(text, k);
                if (tail.Success)
                {
                    var s = tail.Groups["s"];
                    var x = tail.Groups["x"];
                    match = x.Success
                        ? Found(text, strongStart, strongLength, p, k, ("s", s.Index, s.Length), ("x", x.Index, x.Length))
                        : Found(text, strongStart, strongLength, p, k, ("s", s.Index, s.Length));
                    return true;
                }
            }

            if (k == text.Length)
            {
                match = Found(text, strongStart, strongLength, p, k);
                return true;
            }

            if (EndingAt(text, k))
            {
                match = Found(text, strongStart, strongLength, p, k, ("x", k, text.Length - k));
                return true;
            }
        }

        return true;
    }

    private static WordingMatch Found(string text, int strongStart, int strongLength, int targetStart, int targetEnd, params ReadOnlySpan<(string Name, int Index, int Length)> tail)
    {
        // The groups go straight into the match (no list and array of them per statement, issue 9); the names are
        // distinct, so the order they are set in does not matter.
        var match = strongStart >= 0
            ? WordingMatch.Of(text, ("key", targetStart, targetEnd - targetStart), ("t", targetStart, targetEnd - targetStart), ("strong", strongStart, strongLength))
            : WordingMatch.Of(text, ("key", targetStart, targetEnd - targetStart), ("t", targetStart, targetEnd - targetStart));
        return match.With(tail);
    }

    /// <summary>
    /// Whether one of the ending alternatives starts at <paramref name="k"/> (the rest of the text is then the ending:
    /// <c>.*$</c> always matches in the domain):
    /// <c>,?\s*\bplus\b</c>, <c>,?\s*\band\s+(?:also|include|includes|is)\b</c>,
    /// <c>,?\s+(?:with|by|through|as\s+well\s+as|but|while|in\s+addition|in\s+complexity|in\s+scope)\b</c>, <c>\s+articulated\s+here</c>,
    /// <c>\s+(?:listed|outlined|defined|described)\s+above</c>, <c>\s+(?:role|position)s?\b</c>, <c>\s*[.:;,]\s*$</c>.
    /// </summary>
    private static bool EndingAt(string text, int k)
    {
        // ",?\s*\b(plus|and …)": an optional comma, any spaces, then the word at a word boundary.
        var afterComma = text[k] == ',' ? k + 1 : k;
        var w = SkipSpaces(text, afterComma);
        if (IsBoundary(text, w) && ((WordAt(text, w, "plus") && IsBoundary(text, w + 4)) || AndContinuation(text, w)))
        {
            return true;
        }

        // ",?\s+(with|by|…)\b": an optional comma, at least one space.
        if (IsSpace(text, afterComma) && ConjunctionAt(text, SkipSpaces(text, afterComma)))
        {
            return true;
        }

        if (IsSpace(text, k))
        {
            var v = SkipSpaces(text, k);
            if (WordsAt(text, v, "articulated", "here") || ParticipleAbove(text, v) || RoleNounAt(text, v))
            {
                return true;
            }
        }

        // "\s*[.:;,]\s*$"
        var q = SkipSpaces(text, k);
        return q < text.Length && text[q] is '.' or ':' or ';' or ',' && SkipSpaces(text, q + 1) == text.Length;
    }

    private static bool AndContinuation(string text, int w)
    {
        if (!WordAt(text, w, "and") || !IsSpace(text, w + 3))
        {
            return false;
        }

        var v = SkipSpaces(text, w + 3);
        foreach (var word in (ReadOnlySpan<string>)["also", "include", "includes", "is"])
        {
            if (WordAt(text, v, word) && IsBoundary(text, v + word.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ConjunctionAt(string text, int v)
    {
        foreach (var word in (ReadOnlySpan<string>)["with", "by", "through", "but", "while"])
        {
            if (WordAt(text, v, word) && IsBoundary(text, v + word.Length))
            {
                return true;
            }
        }

        // "in complexity and scope": the extension qualified ("Extends the Widget Writer responsibilities in complexity and scope.").
        return WordsAt(text, v, "in", "addition", boundaryAfter: true) || WordsAt(text, v, "as", "well", "as", boundaryAfter: true)
            || WordsAt(text, v, "in", "complexity", boundaryAfter: true) || WordsAt(text, v, "in", "scope", boundaryAfter: true);
    }

    private static bool ParticipleAbove(string text, int v)
    {
        foreach (var word in (ReadOnlySpan<string>)["listed", "outlined", "defined", "described"])
        {
            if (WordsAt(text, v, word, "above"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>(?:role|position)s?\b</c>: the plural first, then the singular.</summary>
    private static bool RoleNounAt(string text, int v)
    {
        foreach (var word in (ReadOnlySpan<string>)["role", "position"])
        {
            if (!WordAt(text, v, word))
            {
                continue;
            }

            var end = v + word.Length;
            if ((end < text.Length && (text[end] | 0x20) == 's' && IsBoundary(text, end + 1)) || IsBoundary(text, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words separated by at least one space each (<c>a\s+b</c>), optionally followed by a word boundary.</summary>
    private static bool WordsAt(string text, int v, string first, string second, bool boundaryAfter = false)
    {
        if (!WordAt(text, v, first) || !IsSpace(text, v + first.Length))
        {
            return false;
        }

        var u = SkipSpaces(text, v + first.Length);
        return WordAt(text, u, second) && (!boundaryAfter || IsBoundary(text, u + second.Length));
    }

    private static bool WordsAt(string text, int v, string first, string second, string third, bool boundaryAfter)
    {
        if (!WordAt(text, v, first) || !IsSpace(text, v + first.Length))
        {
            return false;
        }

        var u = SkipSpaces(text, v + first.Length);
        return WordAt(text, u, second) && IsSpace(text, u + second.Length) && WordsAt(text, SkipSpaces(text, u + second.Length), third, boundaryAfter);
    }

    private static bool WordsAt(string text, int v, string word, bool boundaryAfter) =>
        WordAt(text, v, word) && (!boundaryAfter || IsBoundary(text, v + word.Length));

    /// <summary>Every section word starts with one of these letters (responsib…, performance, kpi, nice, job, duties).</summary>
    private static bool SectionWordMayStart(string text, int at) =>
        at < text.Length && (text[at] | 0x20) is 'r' or 'p' or 'k' or 'n' or 'j' or 'd';

    /// <summary>Case-insensitive ASCII comparison of lower-case letters <paramref name="word"/> at <paramref name="at"/>.</summary>
    private static bool WordAt(string text, int at, string word)
    {
        if (at < 0 || at + word.Length > text.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if ((text[at + i] | 0x20) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpace(string text, int at) => at < text.Length && text[at] == ' ';

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        return at;
    }

    private static bool IsWordChar(string text, int at) =>
        at >= 0 && at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] == '_');

    private static bool IsBoundary(string text, int at) => IsWordChar(text, at - 1) != IsWordChar(text, at);

    private static bool IsPrintableAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(SectionsThenEndText, SectionsThenEndOptions, Handbook.Pipeline.Limits.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SectionsThenEndGenerated();
}
