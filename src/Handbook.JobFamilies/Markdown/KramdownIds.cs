namespace Handbook.JobFamilies.Markdown;

using System.Buffers;

/// <summary>
/// kramdown's automatic header ids, so anchors written against GitLab's site (<c>#senior-backend-engineer</c>,
/// <c>#responsibilities-1</c>) keep working. The algorithm is kramdown's <c>basic_generate_id</c>:
/// strip leading characters that are not ASCII letters, delete everything except ASCII letters, digits, space and
/// '-', turn spaces into '-', lower-case; an empty result becomes <c>section</c>.
/// </summary>
public static class KramdownIds
{
    /// <summary>The id kramdown gives a heading whose text (markup stripped) is <paramref name="text"/>.</summary>
    public static string Generate(string text)
    {
        // The id is never longer than the text: written into a pooled buffer and copied once into its string, as this
        // runs for every heading of every page.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        var length = 0;
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
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (c == ' ')
            {
                buffer[length++] = '-';
            }
        }

        var id = length == 0 ? "section" : new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return id;
    }
}
