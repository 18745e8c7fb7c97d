namespace Handbook.JobFamilies.Hugo;

using System.Text;

/// <summary>
/// Finds Hugo shortcode tags in a page's text: <c>{{&lt;</c> … <c>&gt;}}</c> and <c>{{%</c> … <c>%}}</c>, closing tags,
/// escaped tags (<c>{{&lt;/* … */&gt;}}</c>). Hugo runs shortcodes before Markdown, anywhere in the text (code blocks
/// included), so the scan ignores Markdown structure as Hugo does.
/// </summary>
public static class HugoShortcodeScanner
{
    /// <summary>True when <paramref name="text"/> may hold a shortcode (has <c>{{&lt;</c> or <c>{{%</c>): the cheap test.</summary>
    public static bool MayContain(string text) =>
        text.Contains("{{<", StringComparison.Ordinal) || text.Contains("{{%", StringComparison.Ordinal);

    /// <summary>
    /// The tags of <paramref name="text"/> in order, and the offsets of openings that are never closed (they stay text).
    /// </summary>
    public static (IReadOnlyList<HugoShortcode> Tags, IReadOnlyList<int> Unterminated) Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tags = new List<HugoShortcode>();
        var unterminated = new List<int>();
        var at = 0;
        while ((at = text.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            if (at + 2 >= text.Length || text[at + 2] is not ('<' or '%'))
            {
                at += 2;
                continue;
            }

            var delimiter = text[at + 2];
            var closer = delimiter == '<' ? '>' : '%';
            var escaped = at + 4 < text.Length && text[at + 3] == '/' && text[at + 4] == '*';
            var close = (escaped ? "*/" : string.Empty) + closer + "}}";
            var innerStart = at + (escaped ? 5 : 3);
            var end = text.IndexOf(close, innerStart, StringComparison.Ordinal);
            if (end < 0)
            {
                unterminated.Add(at);
                at += 3;
                continue;
            }

            var inner = text[innerStart..end];
            var length = end + close.Length - at;
            tags.Add(escaped
                ? new HugoShortcode(at, length, string.Empty, [], new Dictionary<string, string>(), false, "{{" + delimiter + inner + closer + "}}")
                : Parse(at, length, inner));
            at += length;
        }

        return (tags, unterminated);
    }

    private static HugoShortcode Parse(int start, int length, string inner)
    {
        var body = inner.Trim();
        if (body.EndsWith('/'))
        {
            body = body[..^1].TrimEnd(); // self-closing {{< name />}}
        }

        var closing = body.StartsWith('/');
        var tokens = Tokens(closing ? body[1..] : body);
        var name = tokens.Count > 0 ? tokens[0] : string.Empty;
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in tokens.Skip(1))
        {
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && token[..eq].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                named[token[..eq]] = Unquote(token[(eq + 1)..]);
            }
            else
            {
                positional.Add(Unquote(token));
            }
        }

        return new HugoShortcode(start, length, Unquote(name), positional, named, closing, null);
    }

    /// <summary>Space-separated tokens; a "…" or `…` string (with a '=' before it or not) is one token.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                current.Append(c);
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '`')
            {
                quote = c;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    private static string Unquote(string token) =>
        token.Length >= 2 && token[0] is '"' or '`' && token[^1] == token[0] ? token[1..^1] : token;
}
