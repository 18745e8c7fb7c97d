namespace Handbook.JobFamilies.Extends;

using Handbook.JobFamilies.Text;

/// <summary>
/// "Exends that of the [Senior Director, Development](#…) responsibilities": a word one typing slip (an insertion,
/// deletion, substitution or swap of neighbours) away from "extends" or "extend". Real pages have it (three statements
/// of the shared corpus), and without this the statement was ordinary text: the level silently inherited nothing. The
/// recogniser reads such a word as the verb only when the corrected text then is a statement, so prose stays prose,
/// and the resolver warns (EXTENDS004) so the page gets fixed.
/// </summary>
public static class MisspeltVerb
{
    /// <summary>The shortest and longest word one edit away from "extend" or "extends".</summary>
    private const int MinLength = 5;

    private const int MaxLength = 8;

    /// <summary>English words one edit away from the verb: never a misspelling of it ("the extent of travel").</summary>
    private static readonly string[] RealWords = ["extent", "extents", "expend", "expends", "extern"];

    /// <summary>True when <paramref name="text"/> holds a word that <see cref="Correct"/> would replace.</summary>
    public static bool Holds(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (NextWord(text, ref start, out var word))
        {
            if (Intended(word) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="text"/> with every misspelt "extend(s)" replaced by the word meant (its first letter's case
    /// kept), and the first misspelling as written; null when there is none.
    /// </summary>
    public static (string Text, string Misspelt)? Correct(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        System.Text.StringBuilder? corrected = null;
        string? first = null;
        var copied = 0;
        var start = 0;
        while (NextWord(text, ref start, out var word))
        {
            if (Replacement(word) is not { } meant)
            {
                continue;
            }

            var at = start - word.Length;
            first ??= word.ToString();
            corrected ??= new System.Text.StringBuilder(text.Length + 2);
            corrected.Append(text, copied, at - copied);
            corrected.Append(meant);
            copied = start;
        }

        if (corrected is null || first is null)
        {
            return null;
        }

        corrected.Append(text, copied, text.Length - copied);
        return (corrected.ToString(), first);
    }

    /// <summary>The word meant, with <paramref name="word"/>'s first letter's case ("Exends" → "Extends"); null when it is no misspelling.</summary>
    public static string? Replacement(ReadOnlySpan<char> word) =>
        Intended(word) is not { } meant ? null
        : char.IsUpper(word[0]) ? char.ToUpperInvariant(meant[0]) + meant[1..]
        : meant;

    /// <summary>"extends" or "extend" when <paramref name="word"/> is a misspelling of it, else null.</summary>
    public static string? Intended(ReadOnlySpan<char> word)
    {
        if (word.Length is < MinLength or > MaxLength)
        {
            return null;
        }

        Span<char> lower = stackalloc char[MaxLength];
        lower = lower[..word.Length];
        System.Text.Ascii.ToLower(word, lower, out _);

        // Cheap filters first. Every word one edit from the verb keeps its 'x' or its leading 'e'; and a word without the
        // 'x' spent its one edit on it (replaced or deleted), so the rest is the verb as written: "e?tend(s)" or
        // "etend(s)". Most words a page holds that start with 'e' ("ensure", "enable", "engineer") fail this before
        // any distance is taken (issue 9: the check reads every word of every paragraph; ≈ 1 % of a cold build).
        if (lower.IndexOf('x') < 0 && (lower[0] != 'e' || (!EndsWithTendAt(lower, 1) && !EndsWithTendAt(lower, 2))))
        {
            return null;
        }

        if (lower.SequenceEqual("extends") || lower.SequenceEqual("extend"))
        {
            return null;
        }

        foreach (var real in RealWords)
        {
            if (lower.SequenceEqual(real))
            {
                return null;
            }
        }

        var toExtends = DamerauLevenshtein.DistanceWithin(lower, "extends", 1);
        var toExtend = DamerauLevenshtein.DistanceWithin(lower, "extend", 1);
        if (toExtends > 1 && toExtend > 1)
        {
            return null;
        }

        // One edit from both ("extendd", "extenda"): the form ending in 's' when the word does.
        return toExtends < toExtend || (toExtends == toExtend && lower[^1] == 's') ? "extends" : "extend";
    }

    /// <summary>Whether <paramref name="word"/> (of at least <see cref="MinLength"/> letters) from <paramref name="start"/> on is "tend" or "tends".</summary>
    private static bool EndsWithTendAt(ReadOnlySpan<char> word, int start) => word[start..] is "tend" or "tends";

    /// <summary>The next run of ASCII letters at or after <paramref name="start"/>; <paramref name="start"/> moves past it.</summary>
    private static bool NextWord(ReadOnlySpan<char> text, ref int start, out ReadOnlySpan<char> word)
    {
        var i = start;
        while (i < text.Length && !char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        var end = i;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        start = end;
        word = text[i..end];
        return end > i;
    }
}
