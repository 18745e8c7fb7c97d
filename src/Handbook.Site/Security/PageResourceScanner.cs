namespace Handbook.Site.Security;

using System.Runtime.CompilerServices;
using System.Text;

/// <summary>
/// Reads a page's <see cref="PageResources"/> in one pass over its text, without building a DOM: the CSP needs only
/// the attributes of a handful of elements (<c>script</c>, <c>link</c>, <c>img</c>, <c>iframe</c>, <c>form</c>,
/// <c>style</c>) and whether any element has a <c>style</c> attribute. Parsing every output page with AngleSharp
/// allocated ~1.6 GB at N=1000 just to read these facts.
/// </summary>
/// <remarks>
/// The scanner follows the HTML tokenizer for what our pages contain (tags with quoted attributes, comments, the
/// doctype, raw-text and RCDATA elements) and gives <c>null</c> for everything where the HTML tree builder could
/// change what the DOM holds or where the tokenizer takes a path it does not follow (foreign content, templates,
/// <c>select</c>, <c>noscript</c> outside the body or in a table, nested forms, table parts outside a table, bogus
/// comments, character references it does not decode, a carriage return or NUL, parse errors in a tag). The caller
/// then parses the page with AngleSharp, so the result is always what the DOM says. A test compares both on every
/// sample and corpus page.
/// </remarks>
public static class PageResourceScanner
{
    /// <summary>Elements after which the tree builder would not keep what follows as written: give up.</summary>
    private static readonly HashSet<string> Unsupported = new(StringComparer.OrdinalIgnoreCase)
    {
        "svg", "math", "template", "select", "plaintext", "frameset", "frame", "image", "isindex",
    };

    /// <summary>Table parts that the tree builder drops outside a table (their <c>style</c> would vanish).</summary>
    private static readonly HashSet<string> TableParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr",
    };

    /// <summary>The facts of <paramref name="html"/>, or null when the page needs the full HTML parser.</summary>
    public static PageResources? TryRead(string html, string? siteOrigin, IReadOnlySet<string> inlineStyleScripts)
    {
        ArgumentNullException.ThrowIfNull(html);
        return TryRead(html.AsSpan(), siteOrigin, inlineStyleScripts);
    }

    /// <summary>
    /// The facts of <paramref name="html"/>, or null when the page needs the full HTML parser: for a page that is not a
    /// string (a one-shot build stages pages from the buffer they were rendered into).
    /// </summary>
    public static PageResources? TryRead(ReadOnlySpan<char> html, string? siteOrigin, IReadOnlySet<string> inlineStyleScripts)
    {
        ArgumentNullException.ThrowIfNull(inlineStyleScripts);
        if (html.IndexOfAny('\r', '\0') >= 0)
        {
            return null; // the input stream normalises these; the DOM would not hold the text as written
        }

        var facts = new Facts(siteOrigin, inlineStyleScripts);
        var position = 0;
        var formOpen = false;
        var tableDepth = 0;
        var inBody = false;
        while (true)
        {
            var lt = IndexOf(html, '<', position);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                return facts.ToResources();
            }

            var next = html[lt + 1];
            if (char.IsAsciiLetter(next))
            {
                var tag = new Tag();
                position = ReadTag(html, lt + 1, ref tag);
                if (position < 0 || !Accept(ref tag, ref formOpen, ref tableDepth, inBody, facts))
                {
                    return null;
                }

                // After a body start tag the tree builder never returns to the head's insertion modes.
                inBody |= tag.Name is "body";

                if (RawTextEnd(html, position, tag.Name) is var (text, after))
                {
                    if (after < 0)
                    {
                        return null;
                    }

                    if (tag.Name is "script" && tag.Src is null && facts.IsExecutable(tag))
                    {
                        facts.AddInlineScript(html.Slice(position, text).ToString());
                    }

                    position = after;
                }
            }
            else if (next == '/')
            {
                if (lt + 2 >= html.Length || !char.IsAsciiLetter(html[lt + 2]))
                {
                    return null; // "</>" is dropped, "</3" is a bogus comment
                }

                var tag = new Tag();
                position = ReadTag(html, lt + 2, ref tag);
                if (position < 0)
                {
                    return null;
                }

                formOpen &= tag.Name is not "form";
                tableDepth -= tag.Name is "table" && tableDepth > 0 ? 1 : 0;
            }
            else if (next == '!')
            {
                position = SkipMarkupDeclaration(html, lt + 2);
                if (position < 0)
                {
                    return null;
                }
            }
            else if (next == '?')
            {
                return null; // bogus comment
            }
            else
            {
                position = lt + 1; // a '<' that starts no tag is text
            }
        }
    }

    /// <summary>Records a start tag's facts; false when the tree builder could treat it in a way the scanner does not follow.</summary>
    private static bool Accept(ref Tag tag, ref bool formOpen, ref int tableDepth, bool inBody, Facts facts)
    {
        if (Unsupported.Contains(tag.Name))
        {
            return false;
        }

        if (tag.Name is "noscript" && (!inBody || tableDepth > 0))
        {
            // The parser runs with scripting off, so in the body a noscript is an ordinary element and its content is
            // parsed as markup (the search page's message). In the head it has an insertion mode of its own that
            // drops or moves what it holds, and in a table it is foster-parented: leave those to the parser.
            return false;
        }

        if (tag.HasStyle)
        {
            if ((TableParts.Contains(tag.Name) && tableDepth == 0) || tag.Name is "head")
            {
                return false;
            }

            facts.InlineStyles = true;
        }

        switch (tag.Name)
        {
            case "table":
                tableDepth++;
                break;
            case "form":
                if (formOpen)
                {
                    return false; // a form inside a form is dropped by the tree builder
                }

                formOpen = true;
                facts.AddSource(facts.FormTargets, tag.Action);
                break;
            case "style":
                facts.InlineStyles = true;
                break;
            case "img":
                facts.AddSource(facts.Images, tag.Src);
                break;
            case "iframe":
                facts.AddSource(facts.Frames, tag.Src);
                break;
            case "link":
                if (tag.Href is not null && tag.Rel is { } rel && IsStylesheet(rel))
                {
                    facts.AddSource(facts.Styles, tag.Href);
                }

                break;
            case "script":
                if (facts.IsExecutable(tag))
                {
                    facts.AddSource(facts.Connects, tag.DataConnect);
                    if (tag.Src is not null)
                    {
                        facts.AddSource(facts.Scripts, tag.Src);
                        facts.InlineStyles |= facts.InlineStyleScripts.Contains(tag.Src);
                    }
                }

                break;
        }

        return !(tag.Rel is { } r && r.AsSpan().ContainsAnyInRange('A', 'Z')); // [rel~=…] case rules: leave them to the parser
    }

    private static bool IsStylesheet(string rel)
    {
        foreach (var range in rel.AsSpan().SplitAny(" \t\n\f"))
        {
            if (rel.AsSpan()[range].SequenceEqual("stylesheet"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For elements whose content the tokenizer reads as text (script, style, RCDATA and raw-text elements): the
    /// length of that text and the position after the end tag (negative when the scanner cannot follow); null for others.
    /// </summary>
    private static (int Length, int After)? RawTextEnd(ReadOnlySpan<char> html, int start, string name)
    {
        if (name is not ("script" or "style" or "textarea" or "title" or "xmp" or "iframe" or "noembed" or "noframes"))
        {
            return null;
        }

        var search = start;
        while (true)
        {
            var end = IndexOf(html, "</", search);
            if (end < 0)
            {
                return (0, -1);
            }

            var nameEnd = end + 2 + name.Length;
            if (nameEnd < html.Length
                && html.Slice(end + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && html[nameEnd] is ' ' or '\t' or '\n' or '\f' or '/' or '>')
            {
                if (name is "script" && html[start..end].Contains("<!--", StringComparison.Ordinal))
                {
                    return (0, -1); // script data escape states: leave them to the parser
                }

                var tag = new Tag();
                var after = ReadTag(html, end + 2, ref tag);
                return (end - start, after);
            }

            search = end + 2;
        }
    }

    /// <summary>Skips <c>&lt;!--…--&gt;</c> or the doctype from just after <c>&lt;!</c>; negative for anything else.</summary>
    private static int SkipMarkupDeclaration(ReadOnlySpan<char> html, int start)
    {
        var rest = html[start..];
        if (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var body = rest[2..];
            if (body.StartsWith(">") || body.StartsWith("->"))
            {
                return -1; // abrupt comment end
            }

            var close = body.IndexOf("-->", StringComparison.Ordinal);
            if (close < 0 || body[..close].Contains("--!>", StringComparison.Ordinal))
            {
                return -1;
            }

            return start + 2 + close + 3;
        }

        if (rest.StartsWith("doctype", StringComparison.OrdinalIgnoreCase))
        {
            var close = rest.IndexOf('>');
            return close < 0 ? -1 : start + close + 1;
        }

        return -1; // CDATA or a bogus comment
    }

    /// <summary>
    /// Reads a tag from its name to just after its <c>&gt;</c>, keeping the attributes the CSP needs (the first
    /// of duplicates, as the tokenizer does). Negative on a parse error or the end of the text.
    /// </summary>
    private static int ReadTag(ReadOnlySpan<char> html, int start, ref Tag tag)
    {
        var i = start;
        while (i < html.Length && !IsWhitespace(html[i]) && html[i] is not '/' and not '>')
        {
            i++;
        }

        tag.Name = TagName(html[start..i]);
        while (true)
        {
            while (i < html.Length && IsWhitespace(html[i]))
            {
                i++;
            }

            if (i >= html.Length)
            {
                return -1;
            }

            if (html[i] == '>')
            {
                return i + 1;
            }

            if (html[i] == '/')
            {
                return i + 1 < html.Length && html[i + 1] == '>' ? i + 2 : -1;
            }

            var nameStart = i;
            while (i < html.Length && !IsWhitespace(html[i]) && html[i] is not '/' and not '>' and not '=')
            {
                if (html[i] is '"' or '\'' or '<')
                {
                    return -1;
                }

                i++;
            }

            if (i == nameStart)
            {
                return -1; // "=" where a name starts
            }

            var slot = Tag.Slot(html[nameStart..i]);
            while (i < html.Length && IsWhitespace(html[i]))
            {
                i++;
            }

            string? value = string.Empty;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsWhitespace(html[i]))
                {
                    i++;
                }

                if (i >= html.Length || html[i] == '>')
                {
                    return -1;
                }

                int valueStart, valueEnd;
                if (html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    valueStart = i + 1;
                    valueEnd = IndexOf(html, quote, valueStart);
                    if (valueEnd < 0)
                    {
                        return -1;
                    }

                    i = valueEnd + 1;
                    if (i < html.Length && !IsWhitespace(html[i]) && html[i] is not '/' and not '>')
                    {
                        return -1; // no space between attributes
                    }
                }
                else
                {
                    valueStart = i;
                    while (i < html.Length && !IsWhitespace(html[i]) && html[i] != '>')
                    {
                        if (html[i] is '"' or '\'' or '<' or '=' or '`')
                        {
                            return -1;
                        }

                        i++;
                    }

                    valueEnd = i;
                }

                var raw = html[valueStart..valueEnd];
                value = !tag.Wants(slot) ? string.Empty
                    : tag.ReadsValueOf(slot) ? Decode(raw)
                    : IsDecodable(raw) ? string.Empty // never read (an <a>'s href): checked as Decode would, not copied
                    : null;
            }

            if (value is null)
            {
                return -1;
            }

            tag.Set(slot, value);
        }
    }

    /// <summary>The first <paramref name="value"/> at or after <paramref name="start"/> (as <see cref="string.IndexOf(char, int)"/>).</summary>
    private static int IndexOf(ReadOnlySpan<char> html, char value, int start)
    {
        var found = html[start..].IndexOf(value);
        return found < 0 ? -1 : start + found;
    }

    /// <summary>The first <paramref name="value"/> at or after <paramref name="start"/>, compared ordinally.</summary>
    private static int IndexOf(ReadOnlySpan<char> html, string value, int start)
    {
        var found = html[start..].IndexOf(value, StringComparison.Ordinal);
        return found < 0 ? -1 : start + found;
    }

    private static string TagName(ReadOnlySpan<char> name)
    {
        // Our pages write tag names in lower case: the known name spelled exactly so is found by the compiled switch
        // (a length and a few characters compared) before any hashing (issue 9: the hash lookup case-insensitively was
        // a fifth of the scan, which reads every page of the output).
        if (ExactKnownName(name) is { } exact)
        {
            return exact;
        }

        // One hash lookup instead of comparing every tag with each known name in turn (same comparison, same answer).
        if (KnownNameLookup.TryGetValue(name, out var known))
        {
            return known;
        }

        // Only ASCII letters are lowered by the tokenizer (ToLowerInvariant would turn the Kelvin sign into 'k').
        return Ascii.IsValid(name) ? name.ToString().ToLowerInvariant() : "\uFFFD" + name.ToString();
    }

    private static readonly string[] KnownNames =
    [
        "a", "span", "li", "td", "p", "ul", "tr", "meta", "link", "script", "h2", "h3", "h4", "th", "div", "nav", "ol",
        "header", "table", "thead", "tbody", "strong", "code", "section", "caption", "form", "label", "input", "button",
        "em", "summary", "details", "style", "img", "iframe", "pre", "br", "hr", "html", "head", "body", "title", "main",
        "article", "footer", "h1", "time", "figure", "aside", "del", "ins", "h5", "h6", "noscript",
    ];

    /// <summary>The one of <see cref="KnownNames"/> that <paramref name="name"/> spells exactly (null for any other spelling).</summary>
    private static string? ExactKnownName(ReadOnlySpan<char> name) => name switch
    {
        "a" => "a",
        "span" => "span",
        "li" => "li",
        "td" => "td",
        "p" => "p",
        "ul" => "ul",
        "tr" => "tr",
        "meta" => "meta",
        "link" => "link",
        "script" => "script",
        "h2" => "h2",
        "h3" => "h3",
        "h4" => "h4",
        "th" => "th",
        "div" => "div",
        "nav" => "nav",
        "ol" => "ol",
        "header" => "header",
        "table" => "table",
        "thead" => "thead",
        "tbody" => "tbody",
        "strong" => "strong",
        "code" => "code",
        "section" => "section",
        "caption" => "caption",
        "form" => "form",
        "label" => "label",
        "input" => "input",
        "button" => "button",
        "em" => "em",
        "summary" => "summary",
        "details" => "details",
        "style" => "style",
        "img" => "img",
        "iframe" => "iframe",
        "pre" => "pre",
        "br" => "br",
        "hr" => "hr",
        "html" => "html",
        "head" => "head",
        "body" => "body",
        "title" => "title",
        "main" => "main",
        "article" => "article",
        "footer" => "footer",
        "h1" => "h1",
        "time" => "time",
        "figure" => "figure",
        "aside" => "aside",
        "del" => "del",
        "ins" => "ins",
        "h5" => "h5",
        "h6" => "h6",
        "noscript" => "noscript",
        _ => null,
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownNameLookup =
        KnownNames.ToDictionary(name => name, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <see cref="Decode"/> would give a value (it knows every character reference in it), without making it.</summary>
    private static bool IsDecodable(ReadOnlySpan<char> value)
    {
        for (var amp = value.IndexOf('&'); amp >= 0; amp = value.IndexOf('&'))
        {
            value = value[amp..];
            var semicolon = value.IndexOf(';');
            if (semicolon < 0 || value[1..semicolon] is not ("amp" or "quot" or "lt" or "gt" or "#39"))
            {
                return false;
            }

            value = value[(semicolon + 1)..];
        }

        return true;
    }

    /// <summary>An attribute value with its character references decoded; null for references the scanner does not know.</summary>
    private static string? Decode(ReadOnlySpan<char> value)
    {
        var amp = value.IndexOf('&');
        if (amp < 0)
        {
            return value.ToString();
        }

        var text = new StringBuilder(value.Length);
        while (amp >= 0)
        {
            text.Append(value[..amp]);
            value = value[amp..];
            var semicolon = value.IndexOf(';');
            if (semicolon < 0)
            {
                return null;
            }

            var reference = value[1..semicolon];
            switch (reference)
            {
                case "amp": text.Append('&'); break;
                case "quot": text.Append('"'); break;
                case "lt": text.Append('<'); break;
                case "gt": text.Append('>'); break;
                case "#39": text.Append('\''); break;
                default: return null;
            }

            value = value[(semicolon + 1)..];
            amp = value.IndexOf('&');
        }

        return text.Append(value).ToString();
    }

    // Inlined on request: the AOT compiler kept it a call in ReadTag (too large to inline into), and the call was ≈ 0.8 %
    // of a cold synthetic build's samples (issue 9; the scanner reads every tag of every output page).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\f';

    /// <summary>The attributes of one tag that the CSP reads.</summary>
    private struct Tag
    {
        public string Name;
        public bool HasStyle;
        public string? Src;
        public string? Href;
        public string? Rel;
        public string? Action;
        public string? Type;
        public string? DataConnect;
        private int _seen;

        /// <summary>Whether the value of the attribute in <paramref name="slot"/> is kept (for <c>style</c> only its presence counts).</summary>
        public readonly bool Wants(int slot) => slot > 1 && (_seen & slot) == 0;

        /// <summary>
        /// Whether a kept value is read for this tag (<see cref="Accept"/>): <c>src</c> of scripts, images and frames,
        /// <c>href</c> of links, <c>action</c> of forms, <c>type</c> and <c>data-connect</c> of scripts, <c>rel</c> of
        /// any tag. Pages hold far more <c>&lt;a href&gt;</c> than all of these, and copying every href was most of
        /// what the scan allocated (issue 9).
        /// </summary>
        public readonly bool ReadsValueOf(int slot) => slot switch
        {
            2 => Name is "script" or "img" or "iframe",
            4 => Name is "link",
            16 => Name is "form",
            32 or 64 => Name is "script",
            _ => true,
        };

        public void Set(int slot, string value)
        {
            if (slot == 0 || (_seen & slot) != 0)
            {
                return; // not read, or a duplicate: the first one counts
            }

            _seen |= slot;
            switch (slot)
            {
                case 1: HasStyle = true; break;
                case 2: Src = value; break;
                case 4: Href = value; break;
                case 8: Rel = value; break;
                case 16: Action = value; break;
                case 32: Type = value; break;
                case 64: DataConnect = value; break;
            }
        }

        /// <summary>
        /// The bit of an attribute the CSP reads (0 for the others), worked out once per attribute. Ordinal
        /// case-insensitive equality needs equal lengths, so the length picks the one or two names to compare: the
        /// same answers as comparing with all seven in turn, which <c>class</c>, <c>id</c> and the like did.
        /// </summary>
        public static int Slot(ReadOnlySpan<char> attribute) => attribute.Length switch
        {
            3 => attribute.Equals("src", StringComparison.OrdinalIgnoreCase) ? 2 : attribute.Equals("rel", StringComparison.OrdinalIgnoreCase) ? 8 : 0,
            4 => attribute.Equals("href", StringComparison.OrdinalIgnoreCase) ? 4 : attribute.Equals("type", StringComparison.OrdinalIgnoreCase) ? 32 : 0,
            5 => attribute.Equals("style", StringComparison.OrdinalIgnoreCase) ? 1 : 0,
            6 => attribute.Equals("action", StringComparison.OrdinalIgnoreCase) ? 16 : 0,
            12 => attribute.Equals("data-connect", StringComparison.OrdinalIgnoreCase) ? 64 : 0,
            _ => 0,
        };
    }

    /// <summary>The facts gathered so far.</summary>
    private sealed class Facts(string? siteOrigin, IReadOnlySet<string> inlineStyleScripts)
    {
        public IReadOnlySet<string> InlineStyleScripts { get; } = inlineStyleScripts;

        public HashSet<string> Scripts { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Styles { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Images { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Frames { get; } = new(StringComparer.Ordinal);

        public HashSet<string> FormTargets { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Connects { get; } = new(StringComparer.Ordinal);

        public bool InlineStyles { get; set; }

        public bool IsExecutable(Tag script) => PageResources.IsExecutableType(script.Type);

        public void AddSource(HashSet<string> sources, string? url)
        {
            if (url is not null)
            {
                sources.Add(PageResources.SourceOf(url, siteOrigin));
            }
        }

        public void AddInlineScript(string text) => Scripts.Add(PageResources.HashOf(text));

        public PageResources ToResources() => new()
        {
            Scripts = Scripts,
            Styles = Styles,
            Images = Images,
            Frames = Frames,
            InlineStyles = InlineStyles,
            FormTargets = FormTargets,
            Connects = Connects,
        };
    }
}
