namespace Handbook.JobFamilies.Sanitizing;

using System.Buffers;
using System.Text;

/// <summary>
/// Gives the HTML of a page body (our own Markdig renderers' output and the raw HTML blocks GitLab's pages write) in the
/// exact form <see cref="ContentSanitizer.Sanitize"/> would return it, without building a DOM, or null when the HTML
/// holds anything the sanitizer would have to decide on.
/// <para>
/// The sanitizer parses a body with AngleSharp, removes what the policy forbids and serialises the DOM again. For HTML
/// that is well nested, uses only allowed tags and attributes and URLs with allowed schemes, the parse-and-serialise
/// round trip only changes spelling: <c>&amp;quot;</c> in text becomes <c>"</c>, numeric character references become
/// characters, U+00A0 becomes <c>&amp;nbsp;</c> and void elements lose their <c> /</c>. This class applies exactly these
/// changes in one pass over the text, and writes a pipe table's <c>style="text-align: left;"</c> without the semicolon,
/// as the sanitizer's CSS engine does. For raw HTML it also writes what the round trip writes for the forms GitLab's
/// pages use: one space between attributes, <c>=""</c> after a valueless attribute, <c>text-decoration-line:
/// underline</c> for a span's <c>text-decoration:underline;</c>; it drops plain comments and placeholder tags such as
/// <c>&lt;Speciality&gt;</c> (an element HTML does not know, whose tag the sanitizer drops), and keeps <c>name</c> on
/// anchors and iframes whose source the policy allows. It accepts nothing it does not understand: any other tag,
/// attribute, entity, spelling (upper case, single quotes), comment form, other <c>style</c>, iframe, mis-nesting,
/// nested link or block element inside a paragraph or heading returns null, and the caller takes the full sanitizer,
/// so it never removes what the policy removes.
/// </para>
/// </summary>
public static class SanitizedSerialization
{
    /// <summary>Allowed elements, lower case (what the parser produces); iframes are read on their own (their source decides).</summary>
    private static readonly HashSet<string> Tags = new(SanitizationPolicy.AllowedTags.Where(t => t != "iframe"), StringComparer.Ordinal);

    /// <summary>Allowed attributes the sanitizer keeps as they are: <c>style</c> is rewritten and <c>name</c> depends on the element.</summary>
    private static readonly HashSet<string> Attributes = new(SanitizationPolicy.AllowedAttributes.Where(a => a is not ("style" or "name")), StringComparer.Ordinal);

    private static readonly HashSet<string> UrlAttributes = new(SanitizationPolicy.UrlAttributes, StringComparer.Ordinal);

    private static readonly string[] TableAlignments = ["text-align: left;\"", "text-align: center;\"", "text-align: right;\""];

    /// <summary>The underline style GitLab's pages write on a span, and how the sanitizer's CSS engine writes it back.</summary>
    private const string UnderlineStyle = "text-decoration:underline;\"";

    private const string UnderlineStyleRespelled = "text-decoration-line: underline";

    /// <summary>
    /// Names the HTML parser gives rules of their own (HTML Living Standard, "in body" insertion mode, plus names older
    /// parsers expand), beyond <see cref="SanitizationPolicy.KnownElements"/>: a stray tag with one of these names is
    /// never dropped here.
    /// </summary>
    private static readonly HashSet<string> ParserSpecialNames = new(
        ["image", "isindex", "xmp", "noembed", "noframes", "plaintext", "listing", "keygen", "menuitem", "big", "rb", "rtc",
         "dir", "basefont", "bgsound", "head", "body", "html", "title", "nextid", "acronym", "strike", "tt", "nobr", "marquee"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> VoidTags = new(["br", "hr", "img", "col"], StringComparer.Ordinal);

    /// <summary>Elements whose start tag the parser would use to close an open paragraph or heading (anything not phrasing).</summary>
    private static readonly HashSet<string> PhrasingTags = new(
        ["a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "img", "ins", "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u"],
        StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TagLookup = Tags.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AttributeLookup = Attributes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UrlAttributeLookup = UrlAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The characters of text that the scanner must look at: everything else is copied as it is.</summary>
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("<&\u00A0>\r\0");

    /// <summary>The characters of a double-quoted attribute value that the scanner must look at.</summary>
    private static readonly SearchValues<char> ValueSpecials = SearchValues.Create("\"&\u00A0<>\r\0");

    /// <summary>
    /// <paramref name="html"/> as <see cref="ContentSanitizer.Sanitize"/> would return it, or null when only the full
    /// sanitizer can tell. Returns <paramref name="html"/> itself when nothing needs respelling.
    /// </summary>
    public static string? TryNormalize(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scanner = new Scanner(html);
        return !scanner.Run() ? null : scanner.Respelled ? scanner.Finish() : html;
    }

    /// <summary>
    /// <see cref="TryNormalize(string)"/> of the HTML in <paramref name="html"/>, as UTF-8 bytes: for a body rendered into
    /// a reused buffer, so that no string of the whole body is made (issue 9: one-shot builds keep bodies as UTF-8).
    /// </summary>
    public static byte[]? TryNormalizeToUtf8(ReadOnlySpan<char> html)
    {
        var scanner = new Scanner(html);
        if (!scanner.Run())
        {
            return null;
        }

        if (scanner.Respelled)
        {
            return Encoding.UTF8.GetBytes(scanner.Finish());
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(html)];
        Encoding.UTF8.GetBytes(html, bytes);
        return bytes;
    }

    /// <summary>
    /// <see cref="TryNormalize(string)"/> of the HTML in <paramref name="html"/>, appended to <paramref name="destination"/>:
    /// for a body rendered into a reused buffer and placed in its page from another reused buffer, so that the body
    /// becomes neither a string nor bytes, and its respelling is written there as it is found, not gathered in a
    /// builder of the body's size first (issue 9). When it returns false, what was appended is a meaningless part: reset
    /// the writer.
    /// </summary>
    public static bool TryNormalizeInto(ReadOnlySpan<char> html, IBufferWriter<char> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var scanner = new Scanner(html, destination);
        if (!scanner.Run())
        {
            return false;
        }

        scanner.FinishInto();
        return true;
    }

    /// <summary>One pass over the HTML; a ref struct over a span, so a body in a reused buffer is read in place.</summary>
    private ref struct Scanner
    {
        private readonly ReadOnlySpan<char> html;
        private readonly List<string> open = [];
        // Where the respelled text goes: a builder made on the first replacement, or the caller's writer (sink).
        private readonly IBufferWriter<char>? sink;
        private StringBuilder? output;
        private int copied;

        // IsTableStructure of the innermost open element, kept up to date as elements open and close.
        private bool inTableStructure;

        public Scanner(ReadOnlySpan<char> html) => this.html = html;

        /// <param name="html">The HTML to scan.</param>
        /// <param name="sink">Where the text is written as it is respelled (<see cref="FinishInto"/> writes the rest).</param>
        public Scanner(ReadOnlySpan<char> html, IBufferWriter<char> sink)
        {
            this.html = html;
            this.sink = sink;
        }

        /// <summary>True when <see cref="Run"/> replaced something: <see cref="Finish"/> then gives the respelled text.</summary>
        public readonly bool Respelled => output is not null;

        /// <summary>The respelled text, once <see cref="Run"/> succeeded with <see cref="Respelled"/>.</summary>
        public readonly string Finish() => output!.Append(html[copied..]).ToString();

        /// <summary>With a sink, once <see cref="Run"/> succeeded: writes the text after the last replacement (all of it without one).</summary>
        public readonly void FinishInto() => sink!.Write(html[copied..]);

        /// <summary>False when only the full sanitizer can tell what the HTML becomes.</summary>
        /// <remarks>
        /// Text is skipped up to the next character that matters (<see cref="TextSpecials"/>) in one vectorised search,
        /// except directly inside table structure, where every character is checked (it held one string comparison per
        /// character of every body before: a tenth of <c>RenderBodyHtml</c>'s CPU).
        /// </remarks>
        public bool Run()
        {
            var i = 0;
            while (i < html.Length)
            {
                var c = html[i];
                if (inTableStructure)
                {
                    if (c is not ('<' or '\n' or ' ' or '\t'))
                    {
                        return false; // text in a table outside a cell is moved in front of the table
                    }
                }
                else if (!TextSpecials.Contains(c))
                {
                    var next = html[i..].IndexOfAny(TextSpecials);
                    i = next < 0 ? html.Length : i + next;
                    continue;
                }

                var ok = c switch
                {
                    '<' => Tag(ref i),
                    '&' => Entity(ref i, inAttribute: false),
                    '\u00A0' => Replace(ref i, 1, "&nbsp;"),
                    '>' or '\r' or '\0' => false,
                    _ => Advance(ref i),
                };
                if (!ok)
                {
                    return false;
                }
            }

            return open.Count == 0;
        }

        private static bool Advance(ref int i)
        {
            i++;
            return true;
        }

        /// <summary>Replaces <paramref name="length"/> characters at <paramref name="i"/> with <paramref name="replacement"/>.</summary>
        private bool Replace(ref int i, int length, string replacement)
        {
            if (sink is not null)
            {
                sink.Write(html.Slice(copied, i - copied));
                sink.Write(replacement);
            }
            else
            {
                output ??= new StringBuilder(html.Length + 256);
                output.Append(html.Slice(copied, i - copied)).Append(replacement);
            }

            i += length;
            copied = i;
            return true;
        }

        private bool Tag(ref int i)
        {
            if (i + 1 < html.Length && html[i + 1] == '!')
            {
                return Comment(ref i);
            }

            if (i + 1 < html.Length && html[i + 1] == '/')
            {
                var nameEnd = NameEnd(i + 2, allowHyphen: false);
                if (nameEnd == i + 2 || nameEnd >= html.Length || html[nameEnd] != '>' || open.Count == 0
                    || !html.Slice(i + 2, nameEnd - i - 2).SequenceEqual(open[^1]))
                {
                    return false;
                }

                open.RemoveAt(open.Count - 1);
                inTableStructure = open.Count > 0 && IsTableStructure(open[^1]);
                i = nameEnd + 1;
                return true;
            }

            var end = NameEnd(i + 1, allowHyphen: false);
            var isIframe = html.Slice(i + 1, end - i - 1).SequenceEqual("iframe");
            if (end == i + 1 || !TagLookup.TryGetValue(html.Slice(i + 1, end - i - 1), out var name))
            {
                if (isIframe)
                {
                    name = "iframe";
                }
                else
                {
                    return StrayTag(ref i);
                }
            }

            if (!MayOpenHere(name))
            {
                return false;
            }

            var srcStart = -1; // the value of an iframe's src, checked against the allowed hosts once the tag is read
            var srcEnd = -1;

            Span<int> seen = stackalloc int[16]; // start, length of each attribute name: the parser keeps only the first of duplicates
            var attributes = 0;
            while (true)
            {
                if (end >= html.Length)
                {
                    return false;
                }

                if (html[end] == '>')
                {
                    end++;
                    break;
                }

                if (html[end] != ' ')
                {
                    return false;
                }

                // The serialiser writes one space before each attribute, whatever the source had.
                var spaces = html[end..].IndexOfAnyExcept(' ');
                if (spaces > 1)
                {
                    Replace(ref end, spaces - 1, string.Empty);
                }

                if (end + 2 < html.Length && html[end + 1] == '/' && html[end + 2] == '>')
                {
                    if (!VoidTags.Contains(name))
                    {
                        return false;
                    }

                    Replace(ref end, 3, ">"); // the serialiser writes void elements as <br>, not <br />
                    i = end;
                    return true;
                }

                var nameStart = end + 1;
                var nameEnd = NameEnd(nameStart, allowHyphen: true);
                var attribute = html.Slice(nameStart, nameEnd - nameStart);
                var isStyle = attribute.SequenceEqual("style");
                var isAnchorName = name == "a" && attribute.SequenceEqual("name"); // kept on anchors only (the policy)
                if (nameEnd == nameStart || !(isStyle || isAnchorName || AttributeLookup.Contains(attribute)) || attributes == seen.Length / 2
                    || IsDuplicate(attribute, seen[..(attributes * 2)]))
                {
                    return false;
                }

                seen[attributes * 2] = nameStart;
                seen[(attributes * 2) + 1] = nameEnd - nameStart;
                attributes++;
                var isUrl = UrlAttributeLookup.Contains(attribute);
                if (nameEnd < html.Length && html[nameEnd] is ' ' or '>' && !isStyle && !isUrl)
                {
                    // A valueless attribute (allowfullscreen, open): the serialiser writes an empty value.
                    end = nameEnd;
                    Replace(ref end, 0, "=\"\"");
                    continue;
                }

                if (nameEnd + 1 >= html.Length || html[nameEnd] != '=' || html[nameEnd + 1] != '"')
                {
                    return false;
                }

                end = nameEnd + 2;
                if (isStyle)
                {
                    if (!(name is "th" or "td" ? TableAlignment(ref end) : name == "span" && Underline(ref end)))
                    {
                        return false;
                    }

                    continue;
                }

                if (isUrl && !IsKeptUrl(end))
                {
                    return false;
                }

                var valueStart = end;
                if (!AttributeValue(ref end) || (isUrl && HasWhiteSpace(html[valueStart..(end - 1)])))
                {
                    return false; // the sanitizer trims and re-encodes URLs with whitespace: only it can tell
                }

                if (isIframe && attribute.SequenceEqual("src"))
                {
                    srcStart = valueStart;
                    srcEnd = end - 1;
                }
            }

            if (isIframe)
            {
                return Iframe(ref end, srcStart, srcEnd) && Skip(ref i, end - i);
            }

            if (!VoidTags.Contains(name))
            {
                open.Add(name);
                inTableStructure = IsTableStructure(name);
                if (name == "pre" && end < html.Length && html[end] == '\n')
                {
                    return false; // the parser drops a newline right after <pre>
                }
            }

            i = end;
            return true;
        }

        /// <summary>
        /// False where the parser could restructure the tree: a link in a link, a block element in a paragraph or
        /// heading, a list item or definition opened inside another one, table parts outside their parent.
        /// </summary>
        private bool MayOpenHere(string name)
        {
            var parent = open.Count == 0 ? null : open[^1];
            var required = name switch
            {
                "thead" or "tbody" or "tfoot" or "caption" or "colgroup" => "table",
                "tr" => parent is "thead" or "tbody" or "tfoot" ? parent : "tbody",
                "td" or "th" => "tr",
                "col" => "colgroup",
                _ => null,
            };
            if ((required is not null && parent != required) || (required is null && IsTableStructure(parent)))
            {
                return false;
            }

            for (var k = open.Count - 1; k >= 0; k--)
            {
                var ancestor = open[k];
                if ((name == "a" && ancestor == "a")
                    || (!PhrasingTags.Contains(name) && ancestor is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"))
                {
                    return false;
                }

                // The parser closes an open item when the next one starts: items must sit in their own list.
                if ((name == "li" && ancestor is "ul" or "ol") || (name is "dt" or "dd" && ancestor == "dl"))
                {
                    break;
                }

                if ((name == "li" && ancestor == "li") || (name is "dt" or "dd" && ancestor is "dt" or "dd"))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// An HTML comment, which the sanitizer drops: accepted only in the plain form <c>&lt;!-- text --&gt;</c> whose
        /// text holds no <c>-</c>, <c>&lt;</c> or <c>&gt;</c>, so it ends at the first <c>--&gt;</c> as the parser ends it
        /// (no <c>&lt;!--&gt;</c>, <c>--!&gt;</c> or nested forms), and not inside <c>pre</c> (where the newline the
        /// parser drops after <c>&lt;pre&gt;</c> depends on the token that follows it).
        /// </summary>
        private bool Comment(ref int i)
        {
            if (!html[i..].StartsWith("<!--", StringComparison.Ordinal) || open.Contains("pre"))
            {
                return false;
            }

            var close = html[(i + 4)..].IndexOf("-->", StringComparison.Ordinal);
            if (close < 0 || html.Slice(i + 4, close).IndexOfAny('-', '<', '>') >= 0)
            {
                return false;
            }

            return Replace(ref i, 4 + close + 3, string.Empty);
        }

        /// <summary>
        /// A start tag <c>&lt;Name&gt;</c> (letters only, no attributes) of an element HTML does not know, such as a
        /// placeholder written in prose: the parser opens an ordinary element that neither scopes nor closes anything,
        /// and closes it with its nearest ancestor; the sanitizer drops the tag and keeps what it holds. So the output is
        /// the text without the tag. Not where the parser would move it (table structure) nor inside <c>pre</c>; a
        /// name with rules of its own, an end tag or a tag with attributes is left to the sanitizer.
        /// </summary>
        private bool StrayTag(ref int i)
        {
            var end = i + 1;
            while (end < html.Length && char.IsAsciiLetter(html[end]))
            {
                end++;
            }

            if (end == i + 1 || end >= html.Length || html[end] != '>' || inTableStructure || open.Contains("pre"))
            {
                return false;
            }

            var name = html.Slice(i + 1, end - i - 1).ToString();
            if (SanitizationPolicy.KnownElements.Contains(name) || SanitizationPolicy.DangerousTags.Contains(name)
                || ParserSpecialNames.Contains(name))
            {
                return false;
            }

            return Replace(ref i, end + 1 - i, string.Empty);
        }

        /// <summary>
        /// The rest of an iframe after its start tag (<paramref name="end"/>, which ends after <c>&lt;/iframe&gt;</c>): kept
        /// only with a src the policy allows, spelled without character references (so the parser's value is the text),
        /// and holding nothing but whitespace (an iframe's content is raw text, written back as it is).
        /// </summary>
        private readonly bool Iframe(ref int end, int srcStart, int srcEnd)
        {
            if (srcStart < 0 || html[srcStart..srcEnd].IndexOfAny('&', '\u00A0') >= 0
                || !SanitizationPolicy.IsAllowedIframeSource(html[srcStart..srcEnd].ToString()))
            {
                return false;
            }

            var content = html[end..].IndexOfAnyExcept(' ', '\n', '\t');
            if (content < 0 || !html[(end + content)..].StartsWith("</iframe>", StringComparison.Ordinal))
            {
                return false;
            }

            end += content + "</iframe>".Length;
            return true;
        }

        /// <summary>Elements whose content the parser places elsewhere unless it is the right part or whitespace.</summary>
        private static bool IsTableStructure(string? element) =>
            element is "table" or "thead" or "tbody" or "tfoot" or "tr" or "colgroup";

        /// <summary>
        /// A pipe table's column alignment as Markdig writes it (<c>text-align: left;</c>), which the sanitizer's CSS
        /// engine writes without the semicolon; <paramref name="i"/> ends after the closing quote. Other styles are
        /// left to the sanitizer.
        /// </summary>
        private bool TableAlignment(ref int i)
        {
            foreach (var alignment in TableAlignments)
            {
                if (html[i..].StartsWith(alignment, StringComparison.Ordinal))
                {
                    var semicolon = i + alignment.Length - 2;
                    Replace(ref semicolon, 1, string.Empty);
                    i = semicolon + 1;
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>text-decoration:underline;</c>, which the sanitizer's CSS engine writes as <c>text-decoration-line: underline</c>.</summary>
        private bool Underline(ref int i)
        {
            if (!html[i..].StartsWith(UnderlineStyle, StringComparison.Ordinal))
            {
                return false;
            }

            Replace(ref i, UnderlineStyle.Length - 1, UnderlineStyleRespelled);
            i++; // the closing quote
            return true;
        }

        private readonly bool IsDuplicate(scoped ReadOnlySpan<char> attribute, scoped ReadOnlySpan<int> seen)
        {
            for (var k = 0; k < seen.Length; k += 2)
            {
                if (html.Slice(seen[k], seen[k + 1]).SequenceEqual(attribute))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when HtmlSanitizer keeps the URL value starting at <paramref name="start"/> unchanged: no leading
        /// whitespace (it trims), and a scheme (text before the first ':' not after '/' or '#') of http, https or mailto.
        /// Any character reference before that point is left to the sanitizer.
        /// </summary>
        private bool IsKeptUrl(int start)
        {
            if (start >= html.Length || char.IsWhiteSpace(html[start]))
            {
                return false;
            }

            for (var k = start; k < html.Length; k++)
            {
                switch (html[k])
                {
                    case '/' or '#' or '"':
                        return true;
                    case '&':
                        return false;
                    case ':':
                        var scheme = html.Slice(start, k - start);
                        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
                            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
                            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        }

        /// <summary>Reads a double-quoted value up to its closing quote (<paramref name="i"/> ends after it).</summary>
        private bool AttributeValue(ref int i)
        {
            while (i < html.Length)
            {
                var next = html[i..].IndexOfAny(ValueSpecials);
                if (next < 0)
                {
                    return false;
                }

                i += next;
                var c = html[i];
                if (c == '"')
                {
                    i++;
                    return true;
                }

                var ok = c switch
                {
                    '&' => Entity(ref i, inAttribute: true),
                    '\u00A0' => Replace(ref i, 1, "&nbsp;"),
                    '<' or '>' or '\r' or '\0' => false,
                    _ => Advance(ref i),
                };
                if (!ok)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>
        /// A character reference: <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c> (text) and <c>&amp;quot;</c>
        /// (attribute) are what the serialiser writes too; <c>&amp;quot;</c> in text and numeric references become the
        /// character, escaped as the serialiser would. Anything else is left to the sanitizer.
        /// </summary>
        private bool Entity(ref int i, bool inAttribute)
        {
            var found = html.Slice(i + 1, Math.Min(10, html.Length - i - 1)).IndexOf(';');
            if (found < 0)
            {
                return false;
            }

            var semicolon = i + 1 + found;

            var name = html.Slice(i + 1, semicolon - i - 1);
            var length = semicolon - i + 1;
            if (name.SequenceEqual("amp"))
            {
                // HtmlSanitizer removes an attribute holding "&{" (a JavaScript include of old browsers).
                return !(inAttribute && semicolon + 1 < html.Length && html[semicolon + 1] == '{') && Skip(ref i, length);
            }

            if (name.SequenceEqual("quot"))
            {
                return inAttribute ? Skip(ref i, length) : Replace(ref i, length, "\"");
            }

            if (name.SequenceEqual("lt") || name.SequenceEqual("gt"))
            {
                return !inAttribute && Skip(ref i, length);
            }

            if (NumericReference(name) is not { } character)
            {
                return false;
            }

            var respelled = character switch
            {
                '&' => inAttribute ? null : "&amp;",
                '<' or '>' => inAttribute ? null : character == '<' ? "&lt;" : "&gt;",
                '"' => inAttribute ? "&quot;" : "\"",
                '\u00A0' => "&nbsp;",
                _ => character.ToString(),
            };
            return respelled is not null && Replace(ref i, length, respelled);
        }

        private static bool HasWhiteSpace(ReadOnlySpan<char> value)
        {
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Skip(ref int i, int length)
        {
            i += length;
            return true;
        }

        /// <summary>The character of <c>#39</c> or <c>#x27</c>, when it is printable and the parser maps it to itself.</summary>
        private static char? NumericReference(ReadOnlySpan<char> name)
        {
            if (name.Length < 2 || name[0] != '#')
            {
                return null;
            }

            var hex = name[1] is 'x' or 'X';
            var digits = name[(hex ? 2 : 1)..];
            if (digits.IsEmpty || digits.Length > 5 || !int.TryParse(
                    digits,
                    hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out var code))
            {
                return null;
            }

            return code is (>= 0x20 and <= 0x7E) or (>= 0xA0 and <= 0xD7FF) or (>= 0xE000 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFFD)
                ? (char)code
                : null;
        }

        /// <summary>The end of the lower-case name (letters, digits, optionally hyphens) starting at <paramref name="start"/>.</summary>
        private int NameEnd(int start, bool allowHyphen)
        {
            var k = start;
            while (k < html.Length && (char.IsAsciiLetterLower(html[k]) || char.IsAsciiDigit(html[k]) || (allowHyphen && html[k] == '-')))
            {
                k++;
            }

            return k;
        }
    }
}
