namespace Handbook.JobFamilies.Parsing;

/// <summary>
/// Indents the continuation lines of a quoted value that goes on over several lines without indentation:
/// <code>
/// description: "Widget Planners at Example shape the future of the
/// whole widget lifecycle"
/// </code>
/// YAML 1.2 wants those lines indented, so YamlDotNet rejects the block; libyaml (Ruby's Psych, which built GitLab's
/// site) and PyYAML accept it and fold the line break into a space. Indenting the continuation lines by one space
/// gives YamlDotNet the same value, so such a page keeps its front matter as it had on GitLab's site.
/// </summary>
public static class QuotedContinuationIndenter
{
    /// <summary>The block with such continuation lines indented, or null when it has none.</summary>
    public static string? Indent(string yaml)
    {
        var lines = yaml.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var quoteAt = OpeningQuote(lines[i]);
            if (quoteAt < 0)
            {
                continue;
            }

            var quote = lines[i][quoteAt];
            if (Closes(lines[i], quoteAt + 1, quote))
            {
                continue;
            }

            // Continue until the line that closes the value; stop at the end of the block (an unclosed value stays
            // an error, reported by the parser as before).
            var last = i + 1;
            while (last < lines.Length && !Closes(lines[last], 0, quote))
            {
                last++;
            }

            if (last >= lines.Length)
            {
                return changed ? string.Join('\n', lines) : null;
            }

            for (var j = i + 1; j <= last; j++)
            {
                if (lines[j].Length > 0 && lines[j][0] != ' ' && lines[j][0] != '\t')
                {
                    lines[j] = " " + lines[j];
                    changed = true;
                }
            }

            i = last;
        }

        return changed ? string.Join('\n', lines) : null;
    }

    /// <summary>Index of the quote opening a top-level key's value (<c>key: "</c> or <c>key: '</c>), or -1.</summary>
    private static int OpeningQuote(string line)
    {
        if (line.Length == 0 || !(char.IsAsciiLetter(line[0]) || line[0] == '_'))
        {
            return -1;
        }

        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return -1;
        }

        var at = colon + 1;
        while (at < line.Length && line[at] == ' ')
        {
            at++;
        }

        return at < line.Length && line[at] is '"' or '\'' ? at : -1;
    }

    /// <summary>Whether <paramref name="line"/> from <paramref name="start"/> holds the closing quote.</summary>
    private static bool Closes(string line, int start, char quote)
    {
        for (var k = start; k < line.Length; k++)
        {
            if (quote == '"' && line[k] == '\\')
            {
                k++; // an escaped character, \" included
            }
            else if (line[k] == quote)
            {
                if (quote == '\'' && k + 1 < line.Length && line[k + 1] == '\'')
                {
                    k++; // '' is a quote inside a single-quoted value
                }
                else
                {
                    return true;
                }
            }
        }

        return false;
    }
}
