namespace Handbook.Site.Links;

using Handbook.JobFamilies.Links;
using Handbook.Pipeline.Documents;

/// <summary>
/// Builds <see cref="LinkTargets"/> from the documents a build produced: every document with a destination is a
/// file at that path; HTML files are pages (<c>a/b/index.html</c> is <c>/a/b/</c>) whose anchors are read from
/// their final HTML when a link first asks for them.
/// </summary>
public static class SiteLinkTargets
{
    private const string IndexFile = "index.html";

    public static LinkTargets From(IEnumerable<Document> documents) => From(documents, stored: null);

    /// <param name="stored">The anchors earlier builds read (<c>--cache</c>), or null to parse every page asked about.</param>
    public static LinkTargets From(IEnumerable<Document> documents, StoredPageAnchors? stored)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var targets = new LinkTargets();
        foreach (var document in documents.Where(d => d.Destination is not null).OrderBy(d => d.Destination, StringComparer.Ordinal))
        {
            var destination = document.Destination!.Replace('\\', '/').TrimStart('/');
            if (!document.IsBinary && destination.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            {
                var url = destination == IndexFile || destination.EndsWith("/" + IndexFile, StringComparison.Ordinal)
                    ? "/" + destination[..^IndexFile.Length]
                    : "/" + destination;
                targets.AddPage(url, AnchorsOf(document, stored));
            }
            else
            {
                targets.AddFile("/" + destination);
            }
        }

        return targets;
    }

    /// <summary>
    /// Reads a page's anchors when a link first asks. A page a one-shot build has already written
    /// (<see cref="Document.Staged"/>) is read back from its file: its text is exactly the page's (only such text is
    /// staged), and the few pages links ask about are read, rather than every page parsed ahead in case one is asked.
    /// </summary>
    private static Func<IReadOnlySet<string>> AnchorsOf(Document document, StoredPageAnchors? stored)
    {
        if (document.Staged is { } staged)
        {
            return () => Collect(staged.ReadAllText(), stored);
        }

        var html = document.Content;
        return () => Collect(html, stored);
    }

    private static IReadOnlySet<string> Collect(string html, StoredPageAnchors? stored) =>
        stored is null ? AnchorCollector.Collect(html) : stored.Collect(html);
}
