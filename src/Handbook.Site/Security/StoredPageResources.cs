namespace Handbook.Site.Security;

using System.Collections.Concurrent;
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
/// in parallel.
/// </remarks>
public sealed class StoredPageResources
{
    internal const string SubFolder = "page-resources";
    internal static readonly CacheKey Key = CacheKey.Create("page-resources", "1");

    private readonly ContentCache _cache;
    private readonly Dictionary<string, PageResources> _stored;
    private readonly ConcurrentDictionary<string, PageResources> _used = new(StringComparer.Ordinal);
    private readonly string _toolIdentity;
    private int _read;

    private StoredPageResources(ContentCache cache, Dictionary<string, PageResources> stored, string toolIdentity, string? siteOrigin)
    {
        _cache = cache;
        _stored = stored;
        _toolIdentity = toolIdentity;
        SiteOrigin = siteOrigin;
    }

    /// <summary>The site origin the stored facts were read for (null when the base URL is unknown).</summary>
    public string? SiteOrigin { get; }

    /// <summary>How many pages were read because no build before had staged their bytes.</summary>
    public int PagesRead => Volatile.Read(ref _read);

    /// <summary>How many pages had their facts from the store.</summary>
    public int PagesFromStore => _used.Count - PagesRead;

    /// <summary>The store in <paramref name="cacheFolder"/> (<c>--cache DIR</c>) for <paramref name="siteOrigin"/>; empty when nothing usable is stored.</summary>
    public static StoredPageResources Open(string cacheFolder, string? siteOrigin) => Open(cacheFolder, siteOrigin, BuildFingerprint.ToolIdentity.Value);

    /// <summary><see cref="Open(string, string?)"/> as another tool would (tests: a new tool reads every page again).</summary>
    public static StoredPageResources Open(string cacheFolder, string? siteOrigin, string toolIdentity)
    {
        ArgumentNullException.ThrowIfNull(cacheFolder);
        ArgumentNullException.ThrowIfNull(toolIdentity);
        var cache = new ContentCache(Path.Combine(Path.GetFullPath(cacheFolder), SiteOutputCache.Subfolder, SubFolder));
        var stored = cache.TryGetPayload(Key, out var payload) ? PageResourcesCodec.Read(payload, toolIdentity, siteOrigin) : [];
        return new StoredPageResources(cache, stored, toolIdentity, siteOrigin);
    }

    /// <summary>
    /// The stored facts of the page whose UTF-8 bytes hash to <paramref name="sha256"/>, when a build before staged these
    /// bytes (they are kept for saving); false when the page must be read.
    /// </summary>
    public bool TryGet(ReadOnlySpan<byte> sha256, [NotNullWhen(true)] out PageResources? resources)
    {
        var pageHash = Convert.ToHexStringLower(sha256);
        if (!_stored.TryGetValue(pageHash, out resources))
        {
            return false;
        }

        _used.TryAdd(pageHash, resources);
        return true;
    }

    /// <summary>Keeps for saving the facts just read from the page whose UTF-8 bytes hash to <paramref name="sha256"/>.</summary>
    public void Remember(ReadOnlySpan<byte> sha256, PageResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        if (_used.TryAdd(Convert.ToHexStringLower(sha256), resources))
        {
            Interlocked.Increment(ref _read);
        }
    }

    /// <summary>
    /// Stores the facts of the pages this build staged, when they differ from what is stored (a page read anew, or a
    /// stored page not staged). A failure to write only means the next build reads those pages again.
    /// </summary>
    public void Save()
    {
        if (PagesRead == 0 && _used.Count == _stored.Count)
        {
            return;
        }

        try
        {
            _cache.Set(Key, PageResourcesCodec.Write(_toolIdentity, SiteOrigin, _used));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not stored: the next build reads these pages again.
        }
    }
}
