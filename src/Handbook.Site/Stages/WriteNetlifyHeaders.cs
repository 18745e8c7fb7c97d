namespace Handbook.Site.Stages;

using System.Runtime.CompilerServices;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Security;
using Handbook.Site.Theming;

/// <summary>
/// Adds <c>_headers</c> (Netlify's header rules) with a Content-Security-Policy computed from every HTML page of the
/// output, so it allows exactly what the pages load. Runs after every stage that adds pages.
/// </summary>
/// <param name="storedResources">With <c>--cache</c>: the facts of pages earlier builds staged, which staging used instead
/// of reading a page whose bytes it knew; saved here, when every page is staged (null: nothing stored).</param>
public sealed class WriteNetlifyHeaders(SiteSettings settings, StoredPageResources? storedResources = null) : IStage
{
    /// <summary>Scripts that write inline styles when they run: Mermaid puts a <c>&lt;style&gt;</c> in each diagram.</summary>
    private static readonly IReadOnlySet<string> InlineStyleScripts = new HashSet<string>(StringComparer.Ordinal) { PageViews.MermaidScript };

    // Each page's facts by identity of its (immutable) text, with the origin they were read for: a preview run keeps
    // the documents it did not rebuild, with the very same strings, so only rebuilt pages are read again per edit.
    private static readonly ConditionalWeakTable<string, RecordedPageResources> Known = new();

    /// <summary>
    /// A page's facts read before its text was released (<see cref="StageFinishedPages"/>), with the origin they were
    /// read for: used instead of reading the page again.
    /// </summary>
    public static readonly MetadataKey<RecordedPageResources> RecordedResources = new("site.page-resources");

    public string Name => nameof(WriteNetlifyHeaders);

    /// <summary>
    /// <paramref name="page"/> with its facts recorded (<see cref="RecordedResources"/>), read by the very code this
    /// stage reads a page's text with, for the site origin of <paramref name="settings"/>.
    /// </summary>
    public static Document RecordResources(Document page, SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(settings);
        var siteOrigin = SiteOrigin(settings.BaseUrl);
        // Read directly, not through Known: the text is released right after, so remembering it would be wasted work.
        return page.With(RecordedResources, new RecordedPageResources(siteOrigin, PageResources.Of(page.Content, siteOrigin, InlineStyleScripts)));
    }

    /// <summary>
    /// <see cref="RecordResources(Document, SiteSettings)"/> for a page whose text is <paramref name="text"/>, not its
    /// <see cref="Document.Content"/> (a page staged from the buffer it was rendered into): the same facts.
    /// </summary>
    public static Document RecordResources(Document page, ReadOnlySpan<char> text, SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(settings);
        var siteOrigin = SiteOrigin(settings.BaseUrl);
        return page.With(RecordedResources, new RecordedPageResources(siteOrigin, PageResources.Of(text, siteOrigin, InlineStyleScripts)));
    }

    /// <summary>
    /// <see cref="RecordResources(Document, ReadOnlySpan{char}, SiteSettings)"/> for a page just staged from
    /// <paramref name="text"/> with its bytes hashed: the facts <paramref name="stored"/> holds for those bytes when a
    /// build before staged them, else read from <paramref name="text"/> and kept in <paramref name="stored"/> for the
    /// next build. A page staged without a hash, or a store for another origin, is read as without a store.
    /// </summary>
    public static Document RecordResources(Document stagedPage, ReadOnlySpan<char> text, SiteSettings settings, StoredPageResources stored)
    {
        ArgumentNullException.ThrowIfNull(stagedPage);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stored);
        var siteOrigin = SiteOrigin(settings.BaseUrl);
        if (stagedPage.Staged?.Sha256 is not { } sha256 || stored.SiteOrigin != siteOrigin)
        {
            return RecordResources(stagedPage, text, settings);
        }

        if (!stored.TryGet(sha256.Span, out var resources))
        {
            resources = PageResources.Of(text, siteOrigin, InlineStyleScripts);
            stored.Remember(sha256.Span, resources);
        }

        return stagedPage.With(RecordedResources, new RecordedPageResources(siteOrigin, resources));
    }

    /// <summary>
    /// <paramref name="stagedPage"/> (staged with its bytes hashed) with the facts <paramref name="stored"/> holds for
    /// those bytes; null when it holds none (or is for another origin): then read them from the page's text.
    /// </summary>
    public static Document? RecordStoredResources(Document stagedPage, SiteSettings settings, StoredPageResources stored)
    {
        ArgumentNullException.ThrowIfNull(stagedPage);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stored);
        var siteOrigin = SiteOrigin(settings.BaseUrl);
        return stagedPage.Staged?.Sha256 is { } sha256 && stored.SiteOrigin == siteOrigin && stored.TryGet(sha256.Span, out var resources)
            ? stagedPage.With(RecordedResources, new RecordedPageResources(siteOrigin, resources))
            : null;
    }

    /// <summary>The site origin the facts are read for with <paramref name="settings"/> (null when the base URL is unknown).</summary>
    public static string? SiteOriginOf(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SiteOrigin(settings.BaseUrl);
    }

    /// <summary>Whether this stage reads <paramref name="document"/> as an HTML page.</summary>
    public static bool IsPage(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return !document.IsBinary && document.Destination is { } destination && destination.EndsWith(".html", StringComparison.Ordinal);
    }

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var siteOrigin = SiteOrigin(settings.BaseUrl);
        var pages = documents.Where(IsPage).ToList();
        var resources = new PageResources[pages.Count];
        Parallel.For(
            0,
            pages.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            i => resources[i] = ResourcesOf(pages[i], siteOrigin));

        var headers = SecurityHeaders.File(ContentSecurityPolicy.For(resources));
        storedResources?.Save();
        IReadOnlyList<Document> result = [.. documents, new Document(SecurityHeaders.FileName, SecurityHeaders.FileName, headers, Metadata.Empty)];
        return Task.FromResult(result);
    }

    // The recorded facts when read for this origin; otherwise the page's text (a staged page's read back from its file).
    private static PageResources ResourcesOf(Document page, string? siteOrigin) =>
        page.TryGet(RecordedResources, out var recorded) && recorded.SiteOrigin == siteOrigin
            ? recorded.Resources
            : ResourcesOf(page.Staged is { } staged ? staged.ReadAllText() : page.Content, siteOrigin);

    private static PageResources ResourcesOf(string html, string? siteOrigin)
    {
        if (Known.TryGetValue(html, out var known) && known.SiteOrigin == siteOrigin)
        {
            return known.Resources;
        }

        var resources = PageResources.Of(html, siteOrigin, InlineStyleScripts);
        Known.AddOrUpdate(html, new RecordedPageResources(siteOrigin, resources));
        return resources;
    }

    private static string? SiteOrigin(string? baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
