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
    private readonly Dictionary<string, (int Index, int Length)> groups;

    private WordingMatch(string text, Dictionary<string, (int Index, int Length)> groups)
    {
        this.text = text;
        this.groups = groups;
    }

    /// <summary>The groups of a successful match of a pattern over <paramref name="text"/>.</summary>
    public static WordingMatch From(string text, Match match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var groups = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var name in GroupNames)
        {
            var group = match.Groups[name];
            if (group.Success)
            {
                groups[name] = (group.Index, group.Length);
            }
        }

        return new WordingMatch(text, groups);
    }

    /// <summary>A match made by hand: each captured group's start and length in <paramref name="text"/>.</summary>
    public static WordingMatch Of(string text, params ReadOnlySpan<(string Name, int Index, int Length)> captured)
    {
        var groups = new Dictionary<string, (int, int)>(captured.Length, StringComparer.Ordinal);
        foreach (var (name, index, length) in captured)
        {
            groups[name] = (index, length);
        }

        return new WordingMatch(text, groups);
    }

    /// <summary>One group: unmatched groups (and names the wording does not have) are unsuccessful and empty.</summary>
    public WordingGroup Group(string name) =>
        groups.TryGetValue(name, out var span) ? new WordingGroup(text, span.Index, span.Length) : new WordingGroup(text, -1, 0);
}

/// <summary>One group of a <see cref="WordingMatch"/>.</summary>
internal readonly struct WordingGroup(string text, int index, int length)
{
    public bool Success => index >= 0;

    public int Index => Math.Max(index, 0);

    public int Length => length;

    public string Value => index >= 0 ? text.Substring(index, length) : string.Empty;
}
