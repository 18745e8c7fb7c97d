namespace Handbook.JobFamilies.Extends;

using System.Text.RegularExpressions;

/// <summary>
/// The named groups of one wording's match in a sentence, whichever matcher found them: a pattern
/// (<see cref="From(string, Match)"/>) or <see cref="ExtendsNameMatcher"/>. A statement is built from these.
/// </summary>
internal sealed class WordingMatch
{
    /// <summary>The group names the statement builder reads; the patterns define a subset of them each.</summary>
    public static readonly IReadOnlyList<string> GroupNames = ["strong", "key", "t", "s", "x", "subj", "pos", "general", "verb"];

    private readonly string text;

    // Start and length of each group, at 2 * its position in GroupNames; a start of -1 = not captured. An array
    // indexed by a switch on the name, not a dictionary: one per statement candidate (issue 9).
    private readonly int[] spans;

    private WordingMatch(string text)
    {
        this.text = text;
        spans = new int[GroupNames.Count * 2];
        for (var i = 0; i < spans.Length; i += 2)
        {
            spans[i] = -1;
        }
    }

    /// <summary>The groups of a successful match of a pattern over <paramref name="text"/>.</summary>
    public static WordingMatch From(string text, Match match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var result = new WordingMatch(text);
        foreach (var name in GroupNames)
        {
            var group = match.Groups[name];
            if (group.Success)
            {
                result.Set(name, group.Index, group.Length);
            }
        }

        return result;
    }

    /// <summary>A match made by hand: each captured group's start and length in <paramref name="text"/>.</summary>
    public static WordingMatch Of(string text, params ReadOnlySpan<(string Name, int Index, int Length)> captured)
    {
        var result = new WordingMatch(text);
        foreach (var (name, index, length) in captured)
        {
            result.Set(name, index, length);
        }

        return result;
    }

    /// <summary>Records more captured groups on a match made by hand (<see cref="Of"/>); returns the same match.</summary>
    public WordingMatch With(params ReadOnlySpan<(string Name, int Index, int Length)> captured)
    {
        foreach (var (name, index, length) in captured)
        {
            Set(name, index, length);
        }

        return this;
    }

    /// <summary>One group: unmatched groups (and names the wording does not have) are unsuccessful and empty.</summary>
    public WordingGroup Group(string name)
    {
        var slot = SlotOf(name);
        return slot >= 0 && spans[slot] >= 0 ? new WordingGroup(text, spans[slot], spans[slot + 1]) : new WordingGroup(text, -1, 0);
    }

    /// <summary>Records a captured group (a later capture of the same name replaces an earlier one); other names are ignored.</summary>
    private void Set(string name, int index, int length)
    {
        var slot = SlotOf(name);
        if (slot >= 0)
        {
            spans[slot] = index;
            spans[slot + 1] = length;
        }
    }

    /// <summary>2 × the position of <paramref name="name"/> in <see cref="GroupNames"/>; -1 for any other name.</summary>
    private static int SlotOf(string name) => name switch
    {
        "strong" => 0,
        "key" => 2,
        "t" => 4,
        "s" => 6,
        "x" => 8,
        "subj" => 10,
        "pos" => 12,
        "general" => 14,
        "verb" => 16,
        _ => -1,
    };
}

/// <summary>One group of a <see cref="WordingMatch"/>.</summary>
internal readonly struct WordingGroup(string text, int index, int length)
{
    public bool Success => index >= 0;

    public int Index => Math.Max(index, 0);

    public int Length => length;

    public string Value => index >= 0 ? text.Substring(index, length) : string.Empty;

    /// <summary><see cref="Value"/> without copying it out of the sentence.</summary>
    public ReadOnlySpan<char> Span => index >= 0 ? text.AsSpan(index, length) : [];
}
