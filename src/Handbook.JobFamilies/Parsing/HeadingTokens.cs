namespace Handbook.JobFamilies.Parsing;

/// <summary>
/// The words of a lower-cased heading title as ranges of it (<see cref="HeadingClassifier.TokenRanges"/>), compared
/// with the classifier's keywords without making a string per word.
/// </summary>
internal readonly struct HeadingTokens(string lower)
{
    public List<(int Start, int Length)> Ranges { get; } = new(8);

    public int Count => Ranges.Count;

    public ReadOnlySpan<char> Span(int index) => lower.AsSpan(Ranges[index].Start, Ranges[index].Length);

    /// <summary>Word <paramref name="index"/> as a string (for messages and prefixes: the rare paths).</summary>
    public string Text(int index) => lower.Substring(Ranges[index].Start, Ranges[index].Length);

    /// <summary>Whether word <paramref name="index"/> exists and is one of <paramref name="words"/>.</summary>
    public bool At(int index, params ReadOnlySpan<string> words) => index >= 0 && index < Count && IsOneOf(Span(index), words);

    /// <summary>The first word that is one of <paramref name="words"/>, or -1.</summary>
    public int Find(params ReadOnlySpan<string> words)
    {
        for (var i = 0; i < Count; i++)
        {
            if (IsOneOf(Span(i), words))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The first word near (<see cref="HeadingClassifier.IsNear(ReadOnlySpan{char}, string)"/>) <paramref name="plural"/> or <paramref name="singular"/>, or -1.</summary>
    public int FindNear(string plural, string singular)
    {
        for (var i = 0; i < Count; i++)
        {
            if (HeadingClassifier.IsNear(Span(i), plural) || HeadingClassifier.IsNear(Span(i), singular))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, ReadOnlySpan<string> words)
    {
        foreach (var candidate in words)
        {
            if (word.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }
}
