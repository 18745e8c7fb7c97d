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
    /// The tags of <paramref name="text"/> in order, and the openings that make no tag (they stay text): never closed,
    /// or – read as Hugo's lexer reads a tag – holding a character no tag may hold, or a quote not closed before the
    /// closing delimiter. Hugo fails the build on each; reading only up to the next <c>&gt;}}</c> instead would swallow
    /// the page text up to the next shortcode when a tag's own <c>&gt;</c> is missing.
    /// </summary>
    public static (IReadOnlyList<HugoShortcode> Tags, IReadOnlyList<HugoShortcodeFault> Faults) Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tags = new List<HugoShortcode>();
        var faults = new List<HugoShortcodeFault>();
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
            int end;
            if (escaped)
            {
                end = text.IndexOf(close, innerStart, StringComparison.Ordinal);
                if (end < 0)
                {
                    faults.Add(new HugoShortcodeFault(at, at, HugoShortcodeFaultKind.NeverClosed, string.Empty));
                    at += 3;
                    continue;
                }
            }
            else if (Lex(text, at, innerStart, close) is { } fault)
            {
                faults.Add(fault);
                at += 3;
                continue;
            }
            else
            {
                end = EndOf(text, innerStart, close);
            }

            var inner = text[innerStart..end];
            var length = end + close.Length - at;
            tags.Add(escaped
                ? new HugoShortcode(at, length, string.Empty, [], new Dictionary<string, string>(), false, "{{" + delimiter + inner + closer + "}}")
                : Parse(at, length, inner));
            at += length;
        }

        return (tags, faults);
    }

    /// <summary>
    /// Reads a tag's inside as Hugo's lexer does – names and unquoted arguments (letters, digits, <c>-_./=\</c>),
    /// quoted arguments, white space and line breaks – up to <paramref name="close"/>: null when it gets there, else
    /// what stops it.
    /// </summary>
    private static HugoShortcodeFault? Lex(string text, int at, int innerStart, string close)
    {
        var name = NameAt(text, innerStart);
        for (var i = innerStart; i < text.Length;)
        {
            if (text.AsSpan(i).StartsWith(close, StringComparison.Ordinal))
            {
                return null;
            }

            var c = text[i];
            if (c is '"' or '`')
            {
                var quoteEnd = QuoteEnd(text, i);
                var closeAt = text.IndexOf(close, i + 1, StringComparison.Ordinal);
                if (quoteEnd < 0 || (closeAt >= 0 && closeAt < quoteEnd))
                {
                    return new HugoShortcodeFault(at, i, HugoShortcodeFaultKind.UnclosedQuote, name);
                }

                i = quoteEnd + 1;
            }
            else if (char.IsWhiteSpace(c) || char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or '\\')
            {
                i++;
            }
            else if (text.AsSpan(i).StartsWith("}}", StringComparison.Ordinal))
            {
                return new HugoShortcodeFault(at, i, HugoShortcodeFaultKind.WrongCloser, name);
            }
            else
            {
                return new HugoShortcodeFault(at, i, HugoShortcodeFaultKind.UnexpectedCharacter, name);
            }
        }

        return new HugoShortcodeFault(at, at, HugoShortcodeFaultKind.NeverClosed, name);
    }

    /// <summary>The offset of <paramref name="close"/> that ends a tag <see cref="Lex"/> accepted (quoted arguments skipped).</summary>
    private static int EndOf(string text, int innerStart, string close)
    {
        for (var i = innerStart; ;)
        {
            if (text.AsSpan(i).StartsWith(close, StringComparison.Ordinal))
            {
                return i;
            }

            i = text[i] is '"' or '`' ? QuoteEnd(text, i) + 1 : i + 1;
        }
    }

    /// <summary>The offset of the quote that closes the one at <paramref name="open"/> (a '\"' inside a "…" is no end); -1 when none.</summary>
    private static int QuoteEnd(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && quote == '"')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The name a tag starts with (after white space and a closing tag's '/'), for messages.</summary>
    private static string NameAt(string text, int innerStart)
    {
        var i = innerStart;
        while (i < text.Length && (text[i] is ' ' or '\t' || text[i] == '/'))
        {
            i++;
        }

        var start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.'))
        {
            i++;
        }

        return text[start..i];
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
