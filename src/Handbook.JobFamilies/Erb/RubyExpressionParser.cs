namespace Handbook.JobFamilies.Erb;

using System.Text;

/// <summary>
/// Parses the Ruby of one <c>&lt;%= … %&gt;</c> tag into a <see cref="RubyValue"/>, for the small subset real pages
/// use (<c>job_families('x')</c>, <c>partial("p", :locals =&gt; { :k =&gt; "v" })</c>, <c>partial 'p', locals: { k: "v" }</c>,
/// a bare local name). It never evaluates anything; an expression outside the subset gives null.
/// </summary>
public sealed class RubyExpressionParser
{
    private readonly string _text;
    private int _pos;

    private RubyExpressionParser(string text) => _text = text;

    /// <summary>The parsed expression, or null when the code is not in the supported subset.</summary>
    public static RubyValue? Parse(string code)
    {
        var parser = new RubyExpressionParser(code);
        var value = parser.ParseExpression();
        parser.SkipSpace();
        return value is not null && parser.AtEnd ? value : null;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _pos < _text.Length ? _text[_pos] : '\0';

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private RubyValue? ParseExpression()
    {
        SkipSpace();
        var c = Current;
        if (c is '\'' or '"')
        {
            return ParseString();
        }

        if (c == ':' && IsNameStart(Peek(1)))
        {
            _pos++;
            return new RubySymbol(ReadName());
        }

        if (c == '{')
        {
            return ParseHash();
        }

        if (char.IsAsciiDigit(c))
        {
            var start = _pos;
            while (char.IsAsciiDigit(Current) || (Current == '.' && char.IsAsciiDigit(Peek(1))))
            {
                _pos++;
            }

            return new RubyNumber(_text[start.._pos]);
        }

        if (IsNameStart(c))
        {
            return ParseNameOrCall();
        }

        return null;
    }

    private RubyValue? ParseNameOrCall()
    {
        var name = ReadName();
        if (Current is '?' or '!')
        {
            name += Current;
            _pos++;
        }

        if (Current == '(')
        {
            _pos++;
            var args = ParseArguments(')');
            if (args is null || Current != ')')
            {
                return null;
            }

            _pos++;
            return new RubyCall(name, args);
        }

        // A method chain (`current_page.data`), a constant path or an operator is outside the subset.
        var afterName = _pos;
        SkipSpace();
        if (AtEnd)
        {
            return new RubyName(name);
        }

        var c = Current;
        var startsArgument = _pos > afterName && (c is '\'' or '"' || (c == ':' && IsNameStart(Peek(1))));
        if (!startsArgument)
        {
            _pos = afterName;
            return new RubyName(name);
        }

        var commandArgs = ParseArguments('\0');
        return commandArgs is null ? null : new RubyCall(name, commandArgs);
    }

    /// <summary>Positional arguments, then optional <c>key =&gt; v</c> / <c>key: v</c> pairs folded into one hash.</summary>
    private List<RubyValue>? ParseArguments(char close)
    {
        var args = new List<RubyValue>();
        var pairs = new List<KeyValuePair<RubyValue, RubyValue>>();
        SkipSpace();
        if (Current == close)
        {
            return args;
        }

        while (true)
        {
            SkipSpace();
            var pair = TryParsePair();
            if (pair is { } p)
            {
                pairs.Add(p);
            }
            else if (pairs.Count > 0)
            {
                return null;
            }
            else
            {
                var value = ParseExpression();
                if (value is null)
                {
                    return null;
                }

                args.Add(value);
            }

            SkipSpace();
            if (Current == ',')
            {
                _pos++;
                continue;
            }

            break;
        }

        if (pairs.Count > 0)
        {
            args.Add(new RubyHash(pairs));
        }

        return args;
    }

    private RubyHash? ParseHash()
    {
        _pos++; // {
        var entries = new List<KeyValuePair<RubyValue, RubyValue>>();
        while (true)
        {
            SkipSpace();
            if (Current == '}')
            {
                _pos++;
                return new RubyHash(entries);
            }

            if (TryParsePair() is not { } pair)
            {
                return null;
            }

            entries.Add(pair);
            SkipSpace();
            if (Current == ',')
            {
                _pos++;
            }
            else if (Current != '}')
            {
                return null;
            }
        }
    }

    /// <summary><c>key =&gt; value</c> (key a symbol or string) or the Ruby 1.9 label form <c>key: value</c>.</summary>
    private KeyValuePair<RubyValue, RubyValue>? TryParsePair()
    {
        var start = _pos;
        if (IsNameStart(Current))
        {
            var name = ReadName();
            if (Current == ':' && Peek(1) != ':')
            {
                _pos++;
                var labelled = ParseExpression();
                if (labelled is not null)
                {
                    return new(new RubySymbol(name), labelled);
                }
            }

            _pos = start;
            return null;
        }

        var key = ParseExpression();
        if (key is RubySymbol or RubyString)
        {
            SkipSpace();
            if (Current == '=' && Peek(1) == '>')
            {
                _pos += 2;
                var value = ParseExpression();
                if (value is not null)
                {
                    return new(key, value);
                }
            }
        }

        _pos = start;
        return null;
    }

    private RubyString? ParseString()
    {
        var quote = Current;
        _pos++;
        var sb = new StringBuilder();
        while (!AtEnd && Current != quote)
        {
            var c = Current;
            if (c == '\\' && _pos + 1 < _text.Length)
            {
                var next = Peek(1);
                _pos += 2;
                if (quote == '\'')
                {
                    // Single quotes only escape the quote and the backslash.
                    sb.Append(next is '\'' or '\\' ? next.ToString() : "\\" + next);
                }
                else
                {
                    sb.Append(next switch { 'n' => '\n', 't' => '\t', _ => next });
                }

                continue;
            }

            // Interpolation `#{…}` would run Ruby.
            if (quote == '"' && c == '#' && Peek(1) == '{')
            {
                return null;
            }

            sb.Append(c);
            _pos++;
        }

        if (AtEnd)
        {
            return null;
        }

        _pos++;
        return new RubyString(sb.ToString());
    }

    private string ReadName()
    {
        var start = _pos;
        while (IsNamePart(Current))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _pos++;
        }
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
