namespace Handbook.JobFamilies.Kramdown;

using System.Text;

/// <summary>
/// The content of a kramdown inline attribute list (<c>{: .class #id key="value" ref}</c>): classes, id, key/value
/// attributes and references to attribute list definitions (<c>toc</c> is the reference that makes a table of contents).
/// </summary>
public sealed class KramdownAttributes
{
    public List<string> Classes { get; } = [];

    public string? Id { get; set; }

    public List<KeyValuePair<string, string>> Values { get; } = [];

    public List<string> References { get; } = [];

    /// <summary>Parses the text between <c>{:</c> and <c>}</c>; null when it is not a valid attribute list.</summary>
    public static KramdownAttributes? Parse(string inner)
    {
        var result = new KramdownAttributes();
        var i = 0;
        while (true)
        {
            while (i < inner.Length && char.IsWhiteSpace(inner[i]))
            {
                i++;
            }

            if (i >= inner.Length)
            {
                return result;
            }

            var c = inner[i];
            if (c is '.' or '#')
            {
                var start = ++i;
                while (i < inner.Length && !char.IsWhiteSpace(inner[i]))
                {
                    i++;
                }

                var name = inner[start..i];
                if (name.Length == 0 || !IsName(name))
                {
                    return null;
                }

                if (c == '.')
                {
                    result.Classes.Add(name);
                }
                else
                {
                    result.Id = name;
                }

                continue;
            }

            var nameStart = i;
            while (i < inner.Length && (char.IsAsciiLetterOrDigit(inner[i]) || inner[i] is '_' or '-' or ':'))
            {
                i++;
            }

            var word = inner[nameStart..i];
            if (word.Length == 0)
            {
                return null;
            }

            if (i < inner.Length && inner[i] == '=')
            {
                i++;
                if (i >= inner.Length || inner[i] is not ('"' or '\''))
                {
                    return null;
                }

                var quote = inner[i++];
                var value = new StringBuilder();
                while (i < inner.Length && inner[i] != quote)
                {
                    if (inner[i] == '\\' && i + 1 < inner.Length)
                    {
                        i++;
                    }

                    value.Append(inner[i++]);
                }

                if (i >= inner.Length)
                {
                    return null;
                }

                i++;
                result.Values.Add(new(word, value.ToString()));
                continue;
            }

            if (i < inner.Length && !char.IsWhiteSpace(inner[i]))
            {
                return null;
            }

            result.References.Add(word);
        }
    }

    /// <summary>Adds <paramref name="other"/>'s classes, id and values to these (used for ALD references).</summary>
    public void MergeFrom(KramdownAttributes other)
    {
        Classes.AddRange(other.Classes);
        Id = other.Id ?? Id;
        Values.AddRange(other.Values);
        References.AddRange(other.References);
    }

    private static bool IsName(string s) => s.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or ':' or '.');
}
