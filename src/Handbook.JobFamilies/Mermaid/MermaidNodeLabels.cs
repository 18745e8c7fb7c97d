namespace Handbook.JobFamilies.Mermaid;

using System.Text.RegularExpressions;

/// <summary>
/// The label of a Mermaid node as the diagram defines it: <c>id[Label]</c>, <c>id(Label)</c>, <c>id{Label}</c>,
/// <c>id([Label])</c> or with a quoted label. Used to name the links of a diagram in text.
/// </summary>
public static class MermaidNodeLabels
{
    // Bounds for hostile input: real ladder diagrams have short ids and a few dozen lines.
    private const int MaxNodeLength = 200;
    private const int MaxLines = 1000;

    // What may stand right before a node's id when it is a whole id: not a character of an id.
    private static readonly Regex IdCharacter = new(@"[\w:-]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    // A node's label right after its id (the part of a range given as the whole input, so ^ is the id's end). Linear-time
    // engine: the label pattern overlaps itself, which a backtracking engine could take very long on. Made once: until the
    // twenty-ninth session each lookup made a pattern with the node's id in it, and making a non-backtracking pattern
    // builds its automaton – far dearer than matching (issue 9: 3 % of a cold versioned build of the replayed history).
    private static readonly Regex Label = new(
        @"^\s*[\[\(\{]+\s*""?(?<label>[^\]\)\}""]+)""?\s*[\]\)\}]",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>The node's label in the first line (of the first 1000) that defines it, or null.</summary>
    public static string? Find(IEnumerable<string> lines, string node)
    {
        if (node.Length == 0 || node.Length > MaxNodeLength)
        {
            return null;
        }

        foreach (var line in lines.Take(MaxLines))
        {
            if (line.TrimStart().StartsWith("%%", StringComparison.Ordinal))
            {
                continue;
            }

            // The first place the node's id stands as a whole id (not the end of a longer one) with a label after it.
            for (var at = line.IndexOf(node, StringComparison.Ordinal); at >= 0; at = line.IndexOf(node, at + 1, StringComparison.Ordinal))
            {
                if (at > 0 && IdCharacter.IsMatch(line.AsSpan(at - 1, 1)))
                {
                    continue;
                }

                var label = Label.Match(line, at + node.Length, line.Length - at - node.Length);
                if (label.Success)
                {
                    return label.Groups["label"].Value.Trim();
                }
            }
        }

        return null;
    }
}
