namespace Handbook.JobFamilies.Tests.Parsing.Oracles;

using System.Text;

/// <summary>
/// kramdown's automatic header ids, so anchors written against GitLab's site (<c>#senior-backend-engineer</c>,
/// <c>#responsibilities-1</c>) keep working. The algorithm is kramdown's <c>basic_generate_id</c>:
/// strip leading characters that are not ASCII letters, delete everything except ASCII letters, digits, space and
/// '-', turn spaces into '-', lower-case; an empty result becomes <c>section</c>.
/// </summary>
internal static class OracleKramdownIds
{
    /// <summary>The id kramdown gives a heading whose text (markup stripped) is <paramref name="text"/>.</summary>
    public static string Generate(string text)
    {
        var builder = new StringBuilder(text.Length);
        var started = false;
        foreach (var c in text)
        {
            var isLetter = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
            started |= isLetter;
            if (!started)
            {
                continue;
            }

            if (isLetter || c is >= '0' and <= '9' or '-')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c == ' ')
            {
                builder.Append('-');
            }
        }

        return builder.Length == 0 ? "section" : builder.ToString();
    }
}
