namespace Handbook.JobFamilies.Grades;

using System.Text;
using Handbook.JobFamilies.Model;

/// <summary>
/// Matches the role a sentence or table row names ("The Senior Analyst, Payroll", "[Senior](#senior-analyst)")
/// to a role of the page: case, punctuation, braces and spacing are ignored, and a parenthesised part may be
/// missing on either side ("Vice President of Professional Services (PS)").
/// </summary>
internal static class RoleNames
{
    public static Role? FindByName(IEnumerable<Role> roles, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var wanted = Variants(name).ToHashSet(StringComparer.Ordinal);
        return roles.FirstOrDefault(r => Variants(r.Name).Any(wanted.Contains));
    }

    /// <summary>The role whose whole name is <paramref name="name"/> (case, punctuation and spacing aside).</summary>
    public static Role? FindByWholeName(IEnumerable<Role> roles, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var wanted = Normalize(name);
        return roles.FirstOrDefault(r => Normalize(r.Name) == wanted);
    }

    public static Role? FindByTarget(IEnumerable<Role> roles, string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var anchor = hash >= 0 ? target[(hash + 1)..] : target.Contains('/', StringComparison.Ordinal) ? string.Empty : target;
        return anchor.Length == 0 ? null : roles.FirstOrDefault(r => string.Equals(r.Anchor, anchor.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> Variants(string name)
    {
        var full = Normalize(name);
        yield return full;
        var withoutParentheses = Normalize(StripParentheses(name));
        if (withoutParentheses.Length > 0 && withoutParentheses != full)
        {
            yield return withoutParentheses;
        }
    }

    private static string StripParentheses(string name)
    {
        var text = new StringBuilder();
        var depth = 0;
        foreach (var c in name)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string Normalize(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '&')
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != ' ')
            {
                text.Append(' ');
            }
        }

        var normalized = text.ToString().Trim();
        return normalized.StartsWith("the ", StringComparison.Ordinal) ? normalized[4..] : normalized;
    }
}
