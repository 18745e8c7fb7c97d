namespace Handbook.Site.Links;

using System.Runtime.CompilerServices;
using AngleSharp;
using AngleSharp.Browser;
using AngleSharp.Html.Parser;

/// <summary>
/// The anchors a rendered page offers: every element <c>id</c> (headings with kramdown ids, the grade table rows,
/// the table of contents) and every <c>&lt;a name&gt;</c> (old-style anchors in embedded HTML). Read from the final
/// HTML, so anchors added by the theme or by any pass count without each pass having to declare them.
/// </summary>
public static class AnchorCollector
{
    // Without AngleSharp's encoding meta handler: a page given as a string has no bytes to decode, so its
    // <meta charset> changes nothing here, but handling it made the first page of a process build AngleSharp's table
    // of every encoding label (TextEncoding's static constructor, which asks the runtime for each one): ≈ 25 ms of CPU
    // in the native tool, 3 % of the build after one commit, for the one changed page whose anchors a link asks for.
    private static readonly HtmlParser Parser = new(new HtmlParserOptions(), BrowsingContext.New(Configuration.Default.Without<EncodingMetaHandler>()));

    // The anchors of each page text already read, by identity of the (immutable) text: a preview run keeps the
    // documents it did not rebuild, with the very same strings, so their pages are not parsed again on every edit.
    private static readonly ConditionalWeakTable<string, IReadOnlySet<string>> Known = new();

    public static IReadOnlySet<string> Collect(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Known.GetValue(html, Read);
    }

    private static IReadOnlySet<string> Read(string html)
    {
        using var document = Parser.ParseDocument(html);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id]"))
        {
            anchors.Add(element.Id!);
        }

        foreach (var element in document.QuerySelectorAll("a[name]"))
        {
            anchors.Add(element.GetAttribute("name")!);
        }

        return anchors;
    }
}
