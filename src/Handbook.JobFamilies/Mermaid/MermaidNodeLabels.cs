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

    /// <summary>The node's label in the first line (of the first 1000) that defines it, or null.</summary>
    public static string? Find(IEnumerable<string> lines, string node)
    {
        if (node.Length == 0 || node.Length > MaxNodeLength)
        {
            return null;
        }

        // Linear-time engine: the label pattern overlaps itself, which a backtracking engine could take very long on.
        var definition = new Regex(
            @"(?:^|[^\w:-])" + Regex.Escape(node) + @"\s*[\[\(\{]+\s*""?(?<label>[^\]\)\}""]+)""?\s*[\]\)\}]",
            RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        foreach (var line in lines.Take(MaxLines))
        {
            if (line.TrimStart().StartsWith("%%", StringComparison.Ordinal))
            {
                continue;
            }

            var match = definition.Match(line);
            if (match.Success)
            {
                return match.Groups["label"].Value.Trim();
            }
        }

        return null;
    }
}
