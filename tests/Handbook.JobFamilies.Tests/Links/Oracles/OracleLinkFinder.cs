namespace Handbook.JobFamilies.Tests.Links.Oracles;

using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Model;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// The oracle for <see cref="LinkFinder"/>: its implementation before issue 9's seventh session, which asked for every
/// node of the tree whether it lies inside a skipped block (the finder now asks only for the nodes that give links).
/// Kept unchanged apart from its name. Lists every link a page's author wrote, from the Markdig AST after the passes (so ERB-generated family lists and
/// rewritten grade links are included): inline links and images, reference definitions (once, not once per use),
/// autolinks, <c>&lt;a href&gt;</c>/<c>&lt;img src&gt;</c> in embedded HTML, and Mermaid <c>click</c> targets.
/// Bullets copied in by an "extends" statement are skipped: their links are checked where they were written.
/// </summary>
internal static class OracleLinkFinder
{
    private static readonly HtmlParser Html = new();

    /// <summary>Where a newly made inline is (a copy's inlines keep no source position).</summary>
    private static readonly (int Line, int Column) FreshPosition = (new LiteralInline().Line, new LiteralInline().Column);

    public static IReadOnlyList<FoundLink> Find(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        if (family.BodyFacts is { } facts)
        {
            return facts.AuthoredLinks; // recorded from the tree before a one-shot build let it go
        }

        var inherited = family.Roles
            .SelectMany(r => r.Sections)
            .SelectMany(s => s.Items)
            .Where(i => i.InheritedFrom is not null && i.Block is not null)
            .Select(i => (Block)i.Block!)
            .ToHashSet();
        return Find(family.Body, inherited);
    }

    public static IReadOnlyList<FoundLink> Find(MarkdownDocument document, IReadOnlySet<Block>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var links = new List<FoundLink>();
        foreach (var node in document.Descendants())
        {
            if (skipped is { Count: > 0 } && IsInside(node, skipped))
            {
                continue;
            }

            if (node is InheritedBulletRun run)
            {
                foreach (var shown in run.Bullets)
                {
                    AddCopyLinks(shown, links);
                }

                continue;
            }

            Add(node, links);
        }

        links.AddRange(MermaidLinks.Find(document).Select(m => new FoundLink(m.Url, LinkOrigin.Mermaid, m.Line, m.Column)));
        return links;
    }

    private static void Add(MarkdownObject node, List<FoundLink> links)
    {
        switch (node)
        {
            case LinkInline link when link.Reference is null && !string.IsNullOrWhiteSpace(link.Url):
                links.Add(new FoundLink(link.Url!, link.IsImage ? LinkOrigin.Image : LinkOrigin.Markdown, link.Line, link.Column));
                break;
            case AutolinkInline { IsEmail: false } autolink:
                links.Add(new FoundLink(autolink.Url, LinkOrigin.Autolink, autolink.Line, autolink.Column));
                break;
            case LinkReferenceDefinition definition when !string.IsNullOrWhiteSpace(definition.Url):
                links.Add(new FoundLink(definition.Url!, LinkOrigin.Reference, definition.Line, definition.Column));
                break;
            case HtmlInline html:
                AddHtmlLinks(html.Tag, html.Line, html.Column, links);
                break;
            case HtmlBlock block:
                AddHtmlLinks(block.Lines.ToString(), block.Line, block.Column, links);
                break;
        }
    }

    /// <summary>
    /// The links of the copy an inherited bullet shown in place stands for (<see cref="InheritedBulletRun.Materialize"/>),
    /// in the order <c>Descendants()</c> lists them on the copy, without making it. That walk goes from each
    /// container's last child backwards, and the copy's marker is put before the first source inline with Markdig's
    /// <c>InsertBefore</c>, which leaves the inserted nodes' backward links unset: it reaches only the marker's last
    /// node (a space), so the marker's link is not listed – unless the first paragraph was empty and the marker was
    /// appended. The copy's own inlines are appended in source order, so they are listed in forward pre-order, each
    /// as its copy has it: no reference, the copy's fresh position (<see cref="InheritedBulletRun.CanShow"/>
    /// guarantees the copy has every source inline).
    /// </summary>
    private static void AddCopyLinks(ShownBullet shown, List<FoundLink> links)
    {
        var first = true;
        foreach (var block in shown.Source)
        {
            if (block is not LeafBlock { Inline: { } inline })
            {
                continue;
            }

            if (first && inline.FirstChild is null && !string.IsNullOrWhiteSpace(shown.Origin.Url))
            {
                links.Add(new FoundLink(shown.Origin.Url, LinkOrigin.Markdown, FreshPosition.Line, FreshPosition.Column));
            }

            first = false;
            AddCopyLinks(inline, links);
        }
    }

    private static void AddCopyLinks(ContainerInline container, List<FoundLink> links)
    {
        var (line, column) = FreshPosition;
        for (var node = container.FirstChild; node is not null; node = node.NextSibling)
        {
            switch (node)
            {
                case LinkInline link when !string.IsNullOrWhiteSpace(link.Url):
                    links.Add(new FoundLink(link.Url, link.IsImage ? LinkOrigin.Image : LinkOrigin.Markdown, line, column));
                    break;
                case AutolinkInline { IsEmail: false } autolink:
                    links.Add(new FoundLink(autolink.Url, LinkOrigin.Autolink, line, column));
                    break;
                case HtmlInline html:
                    AddHtmlLinks(html.Tag, line, column, links);
                    break;
            }

            if (node is ContainerInline inner)
            {
                AddCopyLinks(inner, links);
            }
        }
    }

    /// <summary>Links of raw HTML, reported at the start of the HTML (AngleSharp keeps no source positions of fragments).</summary>
    private static void AddHtmlLinks(string html, int line, int column, List<FoundLink> links)
    {
        foreach (var url in HtmlLinkUrls(html))
        {
            links.Add(new FoundLink(url, LinkOrigin.Html, line, column));
        }
    }

    /// <summary>
    /// The link targets of raw HTML, in document order. Short fragments are remembered by their text: the same few
    /// repeat on every page (each graded role's badge, <c>&lt;br&gt;</c>), and parsing each into a document cost
    /// ~30 KB and tens of microseconds (issue 9). The answer depends on the text alone.
    /// </summary>
    internal static string[] HtmlLinkUrls(string html)
    {
        if (!html.Contains("href", StringComparison.OrdinalIgnoreCase) && !html.Contains("src", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        if (html.Length > RememberedHtmlLength)
        {
            return ParseHtmlLinkUrls(html);
        }

        if (!RememberedHtmlLinks.TryGetValue(html, out var urls))
        {
            urls = ParseHtmlLinkUrls(html);
            if (RememberedHtmlLinks.Count < RememberedHtmlLimit)
            {
                RememberedHtmlLinks.TryAdd(html, urls);
            }
        }

        return urls;
    }

    /// <summary>The same as <see cref="HtmlLinkUrls"/>, always parsing (the tests' oracle).</summary>
    internal static string[] ParseHtmlLinkUrls(string html)
    {
        var urls = new List<string>();
        using var parsed = Html.ParseDocument(html);
        foreach (var element in parsed.QuerySelectorAll("a[href], img[src]"))
        {
            var url = element.GetAttribute(element.LocalName == "a" ? "href" : "src");
            if (!string.IsNullOrWhiteSpace(url))
            {
                urls.Add(url);
            }
        }

        return [.. urls];
    }

    private const int RememberedHtmlLength = 512;

    /// <summary>Bounds the memory of a long preview session: past it, fragments are parsed every time.</summary>
    private const int RememberedHtmlLimit = 4096;

    private static readonly ConcurrentDictionary<string, string[]> RememberedHtmlLinks = new(StringComparer.Ordinal);

    private static bool IsInside(MarkdownObject node, IReadOnlySet<Block> blocks)
    {
        var block = node as Block ?? Top(node as Inline)?.ParentBlock;
        for (var current = block; current is not null; current = current.Parent)
        {
            if (blocks.Contains(current))
            {
                return true;
            }
        }

        return false;
    }

    private static ContainerInline? Top(Inline? inline)
    {
        ContainerInline? top = inline as ContainerInline;
        for (var current = inline?.Parent; current is not null; current = current.Parent)
        {
            top = current;
        }

        return top;
    }
}
