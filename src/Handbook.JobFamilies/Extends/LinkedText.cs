namespace Handbook.JobFamilies.Extends;

using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>A link found in a statement: its text and URL (an in-page <c>#anchor</c> or a page URL).</summary>
public sealed record TextLink(string Text, string Url);

/// <summary>
/// The plain text of a paragraph, heading or list item (emphasis and code markup dropped, links reduced to their
/// text) together with the links it contains, so a recogniser can match words and still know where a name links to.
/// </summary>
public sealed record LinkedText(string Text, IReadOnlyList<TextLink> Links)
{
    /// <summary>Flattens the inlines of a leaf block (paragraph or heading).</summary>
    public static LinkedText FromInlines(ContainerInline? inline)
    {
        // One builder per thread, kept between calls (as the recogniser's cue check keeps its own): a fresh builder
        // grew chunk by chunk for every statement candidate of every page (issue 9). Append never calls back here.
        var text = flattened ??= new StringBuilder(256);
        text.Clear();
        var links = new List<TextLink>();
        if (inline is not null)
        {
            Append(inline, text, links);
        }

        var result = new LinkedText(Collapse(text.ToString()), links);
        if (text.Capacity > 16 * 1024)
        {
            flattened = null; // no thread keeps the room of one very long paragraph
        }

        return result;
    }

    [ThreadStatic]
    private static StringBuilder? flattened;

    /// <summary>
    /// The text <see cref="FromInlines"/> would build before collapsing (<paramref name="links"/> null: link texts are
    /// not collected), written into <paramref name="text"/>.
    /// </summary>
    internal static void AppendText(ContainerInline? inline, StringBuilder text)
    {
        if (inline is not null)
        {
            Append(inline, text, links: null);
        }
    }

    /// <summary>Parses a Markdown snippet (as written in a page) and flattens its first paragraph or heading.</summary>
    public static LinkedText FromMarkdown(string markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty);
        var leaf = document.Descendants<LeafBlock>().FirstOrDefault(b => b.Inline is not null);
        return FromInlines(leaf?.Inline);
    }

    private static void Append(Inline inline, StringBuilder text, List<TextLink>? links)
    {
        switch (inline)
        {
            case LinkInline { IsImage: true }:
                return;
            case LinkInline link when links is null:
                foreach (var child in link)
                {
                    Append(child, text, links);
                }

                return;
            case LinkInline link:
                var inner = new StringBuilder();
                foreach (var child in link)
                {
                    Append(child, inner, links);
                }

                var linkText = Collapse(inner.ToString());
                links.Add(new TextLink(linkText, link.Url ?? string.Empty));
                text.Append(inner);
                return;
            case AutolinkInline auto:
                text.Append(auto.Url);
                return;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text, links);
                }

                return;
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan()); // no string per literal: this runs over every paragraph of every page
                return;
            case CodeInline code:
                text.Append(code.Content);
                return;
            case LineBreakInline:
                // Kept: a line break inside a paragraph often separates pseudo-items ("Extends X\nOwn an area …").
                text.Append('\n');
                return;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                return;
            default:
                // Raw HTML and unknown inlines carry no words a statement is made of.
                return;
        }
    }

    /// <summary>Straightens quotes, turns NBSP/tabs into spaces and collapses runs of whitespace (a run holding a line break becomes one '\n').</summary>
    internal static string Collapse(string s)
    {
        // Most texts are collapsed already (a recogniser collapses what FromInlines collapsed): no copy then.
        return IsCollapsed(s) ? s : CollapseCopy(s);
    }

    /// <summary><see cref="Collapse"/> always building a new string (internal: the tests compare the two).</summary>
    internal static string CollapseCopy(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        var newline = false;
        foreach (var raw in s)
        {
            var c = raw switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' => '-',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                newline |= space && c == '\n';
                continue;
            }

            if (space)
            {
                sb.Append(newline ? '\n' : ' ');
                space = false;
                newline = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>True when <see cref="Collapse"/> would return the same text: no curly quotes, dashes or whitespace other than single spaces or single '\n' between non-space characters.</summary>
    private static bool IsCollapsed(string s)
    {
        if (s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])))
        {
            return false;
        }

        var previousWhite = false;
        foreach (var c in s)
        {
            if (c is '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2013' or '\u2014')
            {
                return false;
            }

            var white = char.IsWhiteSpace(c);
            if (white && (previousWhite || (c != ' ' && c != '\n')))
            {
                return false;
            }

            previousWhite = white;
        }

        return true;
    }
}
