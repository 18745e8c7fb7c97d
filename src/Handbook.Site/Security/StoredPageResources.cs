namespace Handbook.Site.Security;

using System.Diagnostics.CodeAnalysis;
using Handbook.Pipeline.Caching;
using Handbook.Site.Caching;

/// <summary>
/// The CSP facts (<see cref="PageResources"/>) of pages earlier builds with <c>--cache</c> staged, kept in
/// <c>pages/page-resources/</c> as one checksummed entry (issue 9: after one commit nearly every page's bytes are the
/// previous build's, yet each page's HTML was scanned again while it was staged – ≈ 3.5 % of the replayed history's
/// build after one commit).
/// </summary>
/// <remarks>
/// Exact: a page's facts are a function of its text, the site origin and the tool that reads them, so they are keyed by
/// the SHA-256 of the page's UTF-8 bytes – the hash staging takes as it writes the page (staged text encodes and decodes
/// to itself, so equal bytes are equal text) – and the entry holds the tool identity and the site origin it was written
/// with; another tool, another origin, a missing or damaged entry is a miss and every page is read as without a cache.
/// Saving keeps only the pages this build staged, so the entry stays one build's size. Thread-safe: pages are staged
/// in parallel. The store itself is the cache's generic one (<see cref="HashKeyedPageStore{T}"/>).
/// </remarks>
public sealed class StoredPageResources
{
    internal const string SubFolder = "page-resources";
    internal static readonly CacheKey Key = CacheKey.Create("page-resources", "1");

    private readonly HashKeyedPageStore<PageResources> _store;

    private StoredPageResources(HashKeyedPageStore<PageResources> store, string? siteOrigin)
    {
        _store = store;
        SiteOrigin = siteOrigin;
    }

    /// <summary>The site origin the stored facts were read for (null when the base URL is unknown).</summary>
    public string? SiteOrigin { get; }

    /// <summary>How many pages were read because no build before had staged their bytes.</summary>
    public int PagesRead => _store.PagesRead;

    /// <summary>How many pages had their facts from the store.</summary>
    public int PagesFromStore => _store.PagesFromStore;

    /// <summary>The store in <paramref name="cacheFolder"/> (<c>--cache DIR</c>) for <paramref name="siteOrigin"/>; empty when nothing usable is stored.</summary>
    public static StoredPageResources Open(string cacheFolder, string? siteOrigin) => Open(cacheFolder, siteOrigin, BuildFingerprint.ToolIdentity.Value);

    /// <summary><see cref="Open(string, string?)"/> as another tool would (tests: a new tool reads every page again).</summary>
    public static StoredPageResources Open(string cacheFolder, string? siteOrigin, string toolIdentity)
    {
        ArgumentNullException.ThrowIfNull(cacheFolder);
        ArgumentNullException.ThrowIfNull(toolIdentity);
        var store = HashKeyedPageStore<PageResources>.Open(
            cacheFolder,
            SubFolder,
            Key,
            payload => PageResourcesCodec.Read(payload, toolIdentity, siteOrigin),
            pages => PageResourcesCodec.Write(toolIdentity, siteOrigin, pages));
        return new StoredPageResources(store, siteOrigin);
    }

    /// <summary>
    /// The stored facts of the page whose UTF-8 bytes hash to <paramref name="sha256"/>, when a build before staged these
    /// bytes (they are kept for saving); false when the page must be read.
    /// </summary>
    public bool TryGet(ReadOnlySpan<byte> sha256, [NotNullWhen(true)] out PageResources? resources) => _store.TryGet(sha256, out resources);

    /// <summary>Keeps for saving the facts just read from the page whose UTF-8 bytes hash to <paramref name="sha256"/>.</summary>
    public void Remember(ReadOnlySpan<byte> sha256, PageResources resources) => _store.Remember(sha256, resources);

    /// <summary>
    /// Stores the facts of the pages this build staged, when they differ from what is stored (a page read anew, or a
    /// stored page not staged). A failure to write only means the next build reads those pages again.
    /// </summary>
    public void Save() => _store.Save();
}
