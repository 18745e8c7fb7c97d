namespace Handbook.JobFamilies.Sanitizing;

using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Handbook.JobFamilies.Kramdown;
using Handbook.Pipeline.Diagnostics;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// Reports, at its source position, everything <see cref="ContentSanitizer"/> will remove from a page under
/// <see cref="SanitizationPolicy"/>: dangerous raw HTML (HtmlBlock, HtmlInline, <c>{::nomarkdown}</c>) and links or
/// images with a disallowed URL scheme. Its one change to the AST: a "tag" that is no HTML element (a typo such as
/// <c>&lt;Speciality&gt;</c> in running text) becomes literal text, so readers see the word instead of an empty element.
/// </summary>
public static class ContentSafetyPass
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsKeepingSourceReferences = true };

    /// <summary>Checks <paramref name="document"/>; <paramref name="locate"/> maps Markdig's 0-based line/column to a source location.</summary>
    public static void Check(MarkdownDocument document, Func<int, int, SourceLocation> locate, ICollection<Diagnostic> diagnostics)
    {
        // A walk in document order without Markdig's iterator chain and its snapshot list: the only change made on the
        // way (a stray tag becoming text) replaces a leaf whose siblings are already on the stack.
        var stack = new Stack<MarkdownObject>();
        PushChildren(document, stack);
        while (stack.TryPop(out var node))
        {
            PushChildren(node, stack);
            switch (node)
            {
                case HtmlBlock block:
                    CheckHtmlLines(block.Lines, locate, diagnostics);
                    break;
                case KramdownExtensionBlock { IsRawHtml: true } raw:
                    CheckHtmlLines(raw.Lines, locate, diagnostics);
                    break;
                case HtmlInline inline:
                    CheckInlineTag(inline, locate, diagnostics);
                    break;
                case LinkInline link:
                    CheckUrl(link.Url, link.IsImage ? "image source" : "link", locate(link.Line, link.Column), diagnostics);
                    break;
                case AutolinkInline autolink:
                    CheckUrl(autolink.Url, "link", locate(autolink.Line, autolink.Column), diagnostics);
                    break;
            }
        }
    }

    /// <summary>Pushes the children of <paramref name="node"/> (blocks, a leaf's inlines) so that the first is popped first.</summary>
    private static void PushChildren(MarkdownObject node, Stack<MarkdownObject> stack)
    {
        switch (node)
        {
            case ContainerBlock container:
                for (var k = container.Count - 1; k >= 0; k--)
                {
                    stack.Push(container[k]);
                }

                break;
            case LeafBlock { Inline: { } inline }:
                PushChildren(inline, stack);
                break;
            case ContainerInline inlines:
                for (var child = inlines.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push(child);
                }

                break;
        }
    }

    private static void CheckHtmlLines(StringLineGroup lines, Func<int, int, SourceLocation> locate, ICollection<Diagnostic> diagnostics)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var html = string.Join('\n', Enumerable.Range(0, lines.Count).Select(i => lines.Lines[i].Slice.ToString()));
        var document = new HtmlParser(ParserOptions).ParseDocument(html); // one parser per call: pages are checked in parallel
        var removed = new List<IElement>();
        var searchFrom = 0;
        foreach (var element in document.All)
        {
            if (IsImpliedFrame(element, html) || removed.Any(r => r.Contains(element)))
            {
                continue;
            }

            // AngleSharp keeps no source reference for the root of foreign content (<svg>, <math>), which the policy
            // removes: find its tag in the text after the last element placed, so its removal is reported too.
            var position = element.SourceReference is { } source
                ? (source.Position.Line, source.Position.Column, source.Position.Position)
                : ForeignTagPosition(html, element.LocalName, searchFrom);
            if (position is not var (htmlLine, htmlColumn, offset))
            {
                continue;
            }

            searchFrom = Math.Max(searchFrom, offset);
            var index = Math.Clamp(htmlLine - 1, 0, lines.Count - 1);
            var line = lines.Lines[index];
            var location = locate(line.Line, line.Column + htmlColumn - 1);
            if (CheckElement(element, location, diagnostics))
            {
                removed.Add(element);
            }
        }
    }

    /// <summary>
    /// Only the pass's one change to the AST, without its checks: every inline "tag" that is no HTML element becomes
    /// literal text. Renders whose diagnostics nobody reads (old versions of a page) need it so they show the word as
    /// the page did, without paying for the checks' HTML parses.
    /// </summary>
    public static void ShowStrayTagsAsText(MarkdownDocument document)
    {
        var stack = new Stack<MarkdownObject>();
        PushChildren(document, stack);
        while (stack.TryPop(out var node))
        {
            PushChildren(node, stack);
            if (node is HtmlInline inline && IsStrayTag(inline.Tag))
            {
                ShowAsText(inline);
            }
        }
    }

    // The rule CheckInlineTag applies before it reports HTML003: no comment, CDATA or declaration, and a name that is
    // no HTML element.
    private static bool IsStrayTag(string tag) =>
        !tag.StartsWith("<!", StringComparison.Ordinal)
        && !tag.StartsWith("<?", StringComparison.Ordinal)
        && !SanitizationPolicy.KnownElements.Contains(TagName(tag, tag.StartsWith("</", StringComparison.Ordinal)));

    private static string TagName(string tag, bool closing) =>
        new(tag.Skip(closing ? 2 : 1).TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());

    private static void ShowAsText(HtmlInline inline) =>
        inline.ReplaceBy(new LiteralInline(inline.Tag) { Line = inline.Line, Column = inline.Column, Span = inline.Span });

    private static void CheckInlineTag(HtmlInline inline, Func<int, int, SourceLocation> locate, ICollection<Diagnostic> diagnostics)
    {
        var tag = inline.Tag;
        if (tag.StartsWith("<!", StringComparison.Ordinal) || tag.StartsWith("<?", StringComparison.Ordinal))
        {
            return; // comments, CDATA, declarations: dropped by the sanitizer, harmless
        }

        var closing = tag.StartsWith("</", StringComparison.Ordinal);
        var name = TagName(tag, closing);
        var location = locate(inline.Line, inline.Column);
        if (!SanitizationPolicy.KnownElements.Contains(name))
        {
            ShowAsText(inline);
            diagnostics.Add(Diagnostic.Warning(
                HtmlCodes.StrayTag,
                $"`{Shorten(tag)}` is not an HTML tag; it is shown as text",
                location,
                $"wrap it in backticks (`{tag}`) to show it as code, or escape the bracket (\\{tag})"));
            return;
        }

        // Elements the parser implied have no source reference; neither has foreign content's root (<svg>), so that one is
        // picked by its name.
        var parsed = new HtmlParser(ParserOptions).ParseDocument(tag).All.Where(e => !IsImpliedFrame(e, tag)).ToList();
        if (!closing && (parsed.FirstOrDefault(e => e.SourceReference is not null) ?? parsed.FirstOrDefault(e => e.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))) is { } element)
        {
            CheckElement(element, location, diagnostics);
        }
    }

    /// <summary>Reports what the policy removes from <paramref name="element"/>; true when the whole element goes.</summary>
    private static bool CheckElement(IElement element, SourceLocation location, ICollection<Diagnostic> diagnostics)
    {
        var name = element.LocalName;
        if (SanitizationPolicy.DangerousTags.Contains(name))
        {
            var what = name == "meta" && element.GetAttribute("http-equiv") is { } equiv ? $"`<meta http-equiv=\"{equiv}\">`" : $"`<{name}>`";
            diagnostics.Add(Diagnostic.Warning(
                HtmlCodes.DangerousElement,
                $"{what} is not allowed in a page and is removed with its content",
                location,
                "pages cannot run scripts, embed objects, hold forms or change the page's base, styles or refresh"));
            return true;
        }

        if (name == "iframe" && !SanitizationPolicy.IsAllowedIframeSource(element.GetAttribute("src")))
        {
            diagnostics.Add(Diagnostic.Warning(
                HtmlCodes.IframeNotAllowed,
                $"iframe with src `{Shorten(element.GetAttribute("src") ?? "(none)")}` is removed: only https embeds from www.youtube.com/embed, www.youtube-nocookie.com/embed and player.vimeo.com are allowed",
                location,
                "use the video's embed URL (https://www.youtube.com/embed/<id>) or link to the page instead"));
            return true;
        }

        if (!SanitizationPolicy.AllowedTags.Contains(name))
        {
            var known = SanitizationPolicy.KnownElements.Contains(name);
            diagnostics.Add(Diagnostic.Warning(
                known ? HtmlCodes.TagNotAllowed : HtmlCodes.StrayTag,
                known ? $"`<{name}>` is not allowed; the tag is dropped and its text kept" : $"`<{name}>` is not an HTML element; the tag is dropped and its text kept",
                location,
                known ? "use Markdown or an allowed tag (see the sanitization policy)" : "write it as code (in backticks) if it is meant as text"));
        }

        foreach (var attribute in element.Attributes)
        {
            CheckAttribute(name, attribute, location, diagnostics);
        }

        return false;
    }

    private static void CheckAttribute(string element, IAttr attribute, SourceLocation location, ICollection<Diagnostic> diagnostics)
    {
        var name = attribute.Name.ToLowerInvariant();
        if (name.StartsWith("on", StringComparison.Ordinal) || name is "srcdoc" or "formaction")
        {
            diagnostics.Add(Diagnostic.Warning(
                HtmlCodes.ScriptAttribute,
                $"attribute `{name}` on `<{element}>` is removed (pages cannot run scripts)",
                location,
                "remove the attribute"));
        }
        else if (SanitizationPolicy.UrlAttributes.Contains(name) && !SanitizationPolicy.IsAllowedUrl(attribute.Value))
        {
            diagnostics.Add(Diagnostic.Warning(
                HtmlCodes.UnsafeUrl,
                $"`{name}` of `<{element}>` uses `{SanitizationPolicy.SchemeOf(attribute.Value)}:` and is removed",
                location,
                "only http, https, mailto and relative URLs are allowed"));
        }
        else if (name == "style" && SanitizationPolicy.IsDangerousStyle(attribute.Value))
        {
            diagnostics.Add(Diagnostic.Warning(
                HtmlCodes.UnsafeStyle,
                $"`style` on `<{element}>` loads a resource or runs script (`{Shorten(attribute.Value)}`) and is removed",
                location,
                "style with plain properties such as text-align or text-decoration only"));
        }
    }

    private static void CheckUrl(string? url, string what, SourceLocation location, ICollection<Diagnostic> diagnostics)
    {
        if (url is null || SanitizationPolicy.IsAllowedUrl(url))
        {
            return;
        }

        diagnostics.Add(Diagnostic.Warning(
            HtmlCodes.UnsafeUrl,
            $"{what} `{Shorten(url)}` uses `{SanitizationPolicy.SchemeOf(url)}:` and is removed",
            location,
            "only http, https, mailto and relative URLs are allowed; put images in the repository and link them relatively"));
    }

    /// <summary>The html/head/body elements the parser adds around a fragment (pages cannot usefully write them).</summary>
    /// <summary>The 1-based line and column and the offset of the first <c>&lt;name</c> at or after <paramref name="from"/>.</summary>
    private static (int Line, int Column, int Offset)? ForeignTagPosition(string html, string name, int from)
    {
        var offset = html.IndexOf("<" + name, Math.Min(from, html.Length), StringComparison.OrdinalIgnoreCase);
        if (offset < 0)
        {
            return null;
        }

        var lineStart = html.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1;
        var line = 1 + html.AsSpan(0, lineStart).Count('\n');
        return (line, offset - lineStart + 1, offset);
    }

    /// <summary>
    /// The html, head and body elements the parser adds around every fragment (it gives them the source reference of
    /// the token that made it add them). Written out by the author (<c>&lt;body onload=…&gt;</c>) the tag is in the text
    /// at that reference, and the element is checked like any other.
    /// </summary>
    private static bool IsImpliedFrame(IElement element, string html)
    {
        if (!IsDocumentFrame(element))
        {
            return false;
        }

        if (element.SourceReference is not { } source)
        {
            return true;
        }

        var lines = html.Split('\n');
        var line = source.Position.Line - 1;
        var column = source.Position.Column - 1;
        return line < 0 || line >= lines.Length || column < 0 || column > lines[line].Length
            || !lines[line].AsSpan(column).StartsWith("<" + element.LocalName, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsDocumentFrame(IElement element) => element.LocalName is "html" or "head" or "body";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
