namespace Handbook.JobFamilies.Sanitizing;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Kramdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Tells whether every piece of raw HTML in a page's AST is inline phrasing markup (<c>&lt;span …&gt;</c>,
/// <c>&lt;/em&gt;</c>, <c>&lt;br&gt;</c>…), such as the grade badges and inherited-from markers the site's own passes
/// insert. Only then can <see cref="SanitizedSerialization"/> stand in for the sanitizer: HTML blocks and
/// <c>{::nomarkdown}</c> can hold markup the parser restructures (a table without tbody, a div in a paragraph), which
/// only the full parse reproduces.
/// </summary>
public static class RawHtmlScope
{
    /// <summary>True when <paramref name="document"/> has no HTML block and its inline HTML consists of phrasing tags only.</summary>
    public static bool IsInlinePhrasingOnly(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var stack = new Stack<MarkdownObject>();
        stack.Push(document);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case HtmlBlock:
                case KramdownExtensionBlock { IsRawHtml: true }:
                    return false;
                case InheritedBulletRun run:
                    // Renders its sources' inlines (after the marker, phrasing markup): their HTML is this page's too.
                    for (var i = 0; i < run.Bullets.Count; i++)
                    {
                        stack.Push(run.Bullets[i].Source);
                    }

                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        stack.Push(child);
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    stack.Push(inline);
                    break;
                case HtmlInline html when !IsPhrasingMarkup(html.Tag):
                    return false;
                case ContainerInline inlines:
                    for (var child = inlines.FirstChild; child is not null; child = child.NextSibling)
                    {
                        stack.Push(child);
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>True when every tag in <paramref name="markup"/> is a start or end tag of a phrasing element (no comment, no declaration).</summary>
    public static bool IsPhrasingMarkup(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        for (var lt = markup.IndexOf('<', StringComparison.Ordinal); lt >= 0; lt = markup.IndexOf('<', lt + 1))
        {
            var start = lt + 1 < markup.Length && markup[lt + 1] == '/' ? lt + 2 : lt + 1;
            var end = start;
            while (end < markup.Length && char.IsAsciiLetterOrDigit(markup[end]))
            {
                end++;
            }

            if (end == start || !SanitizedSerialization.IsPhrasingTag(markup.AsSpan(start, end - start)))
            {
                return false;
            }
        }

        return true;
    }
}
