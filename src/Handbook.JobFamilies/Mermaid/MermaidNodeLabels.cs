namespace Handbook.JobFamilies.Mermaid;

using System.Text.RegularExpressions;

/// <summary>
/// The label of a Mermaid node as the diagram defines it: <c>id[Label]</c>, <c>id(Label)</c>, <c>id{Label}</c>,
/// <c>id([Label])</c> or with a quoted label. Used to name the links of a diagram in text.
/// </summary>
public static class MermaidNodeLabels
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>The node's label in the first line that defines it, or null.</summary>
    public static string? Find(IEnumerable<string> lines, string node)
    {
        var definition = new Regex(@"(?<![\w:-])" + Regex.Escape(node) + @"\s*[\[\(\{]+\s*""?(?<label>[^\]\)\}""]+)""?\s*[\]\)\}]", RegexOptions.CultureInvariant, Timeout);
        foreach (var line in lines)
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
