namespace Handbook.Site.Caching;

using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Handbook.Pipeline.Caching;

/// <summary>
/// What the build cache keeps of each page across builds with <c>--cache</c> (a page's anchors, its CSP facts), keyed by
/// the SHA-256 of the page's text: one checksummed entry in <c>pages/&lt;sub-folder&gt;/</c> whose bytes the entry's
/// codec writes in the shared frame (<see cref="HashKeyedPagesCodec"/>). The store <see cref="StoredPageAnchors"/> and
/// <see cref="StoredPageResources"/> share: open, try-get, remember, save.
/// </summary>
/// <remarks>
/// Exact when the key says everything the value depends on: the hash says the text, the codec's header the rest (the
/// tool, the site origin), and a header that does not match reads as an empty store. A missing, damaged or malformed
/// entry is an empty store too: every page is read as without a cache. Saving keeps only the pages this build asked
/// about (stored or read), so the entry stays one build's size, and writes nothing when that is what is stored.
/// Thread-safe: pages are staged and their links checked in parallel.
/// </remarks>
/// <typeparam name="T">What is kept of a page.</typeparam>
public sealed class HashKeyedPageStore<T>
    where T : notnull
{
    private readonly ContentCache _cache;
    private readonly CacheKey _key;
    private readonly Func<IEnumerable<KeyValuePair<string, T>>, byte[]> _write;
    private readonly Dictionary<string, T> _stored;
    private readonly ConcurrentDictionary<string, T> _used = new(StringComparer.Ordinal);
    private int _read;

    private HashKeyedPageStore(ContentCache cache, CacheKey key, Dictionary<string, T> stored, Func<IEnumerable<KeyValuePair<string, T>>, byte[]> write)
    {
        _cache = cache;
        _key = key;
        _stored = stored;
        _write = write;
    }

    /// <summary>How many pages were read because no build before had met their text.</summary>
    public int PagesRead => Volatile.Read(ref _read);

    /// <summary>How many pages had their value from the store.</summary>
    public int PagesFromStore => _used.Count - PagesRead;

    /// <summary>
    /// The store of entry <paramref name="key"/> in <c>pages/<paramref name="subFolder"/>/</c> of
    /// <paramref name="cacheFolder"/> (<c>--cache DIR</c>): what <paramref name="read"/> makes of the stored bytes
    /// (empty for bytes it does not accept), or empty when nothing is stored. <paramref name="write"/> makes the bytes
    /// <see cref="Save"/> stores.
    /// </summary>
    public static HashKeyedPageStore<T> Open(
        string cacheFolder,
        string subFolder,
        CacheKey key,
        Func<ReadOnlyMemory<byte>, Dictionary<string, T>> read,
        Func<IEnumerable<KeyValuePair<string, T>>, byte[]> write)
    {
        ArgumentNullException.ThrowIfNull(cacheFolder);
        ArgumentNullException.ThrowIfNull(subFolder);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(write);
        var cache = new ContentCache(Path.Combine(Path.GetFullPath(cacheFolder), SiteOutputCache.Subfolder, subFolder));
        var stored = cache.TryGetPayload(key, out var payload) ? read(payload) : [];
        return new HashKeyedPageStore<T>(cache, key, stored, write);
    }

    /// <summary>
    /// The stored value of the page whose text hashes to <paramref name="sha256"/>, when a build before met this text
    /// (it is kept for saving); false when the page must be read.
    /// </summary>
    public bool TryGet(ReadOnlySpan<byte> sha256, [MaybeNullWhen(false)] out T value)
    {
        var pageHash = Convert.ToHexStringLower(sha256);
        if (!_stored.TryGetValue(pageHash, out value))
        {
            return false;
        }

        _used.TryAdd(pageHash, value);
        return true;
    }

    /// <summary>Keeps for saving the value just read from the page whose text hashes to <paramref name="sha256"/>.</summary>
    public void Remember(ReadOnlySpan<byte> sha256, T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_used.TryAdd(Convert.ToHexStringLower(sha256), value))
        {
            Interlocked.Increment(ref _read);
        }
    }

    /// <summary>
    /// Stores the values of the pages this build asked about, when they differ from what is stored (a page read anew,
    /// or a stored page not asked about). A failure to write only means the next build reads those pages again.
    /// </summary>
    public void Save()
    {
        if (PagesRead == 0 && _used.Count == _stored.Count)
        {
            return;
        }

        try
        {
            _cache.Set(_key, _write(_used));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not stored: the next build reads these pages again.
        }
    }
}
