namespace Handbook.Site.Versions;

using System.Buffers;
using System.Text.Unicode;
using Handbook.Pipeline.Caching;

/// <summary>
/// Finished version and history pages across builds (subfolder <c>version-pages/</c> of <c>--cache DIR</c>, with
/// <c>--reuse-families</c>): each
/// page's UTF-8 bytes in the engine's <see cref="ContentCache"/> (length and SHA-256 checked on every read) under a key
/// of everything its rendering reads (<see cref="VersionPageKeys"/>). The build after one new commit renders through
/// the theme only the pages whose inputs changed – the family's new version, the one that stopped being the latest,
/// its history page – and takes the other ≈ 280 pages of the replayed history as they were (issue 9: rendering them
/// was most of <c>RenderVersionPages</c> when no version needed rendering). A missing, damaged or unreadable entry is a
/// miss (the page is rendered and stored again); a page whose text UTF-8 cannot carry is not stored. Entries this build
/// did not use are deleted at its end (<see cref="RemoveUnused"/>), so the folder holds one build's pages.
/// </summary>
/// <remarks>Used by one thread at a time (the stage renders these pages one after the other).</remarks>
public sealed class VersionPageCache(string cacheFolder)
{
    public const string SubFolder = "version-pages";

    private readonly ContentCache _cache = new(Path.Combine(cacheFolder, SubFolder));
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly PageText _text = new();
    private byte[] _bytes = [];

    /// <summary>Pages taken from the cache in this build.</summary>
    public int Hits { get; private set; }

    /// <summary>Pages rendered (and stored) in this build.</summary>
    public int Misses { get; private set; }

    /// <summary>The entry file of a key (tests damage it on purpose).</summary>
    public string PathOf(CacheKey key) => _cache.PathOf(key);

    /// <summary>The stored page of <paramref name="key"/>, valid until the next call on this cache; false on a miss.</summary>
    public bool TryGet(CacheKey key, out ReadOnlyMemory<char> page)
    {
        _used.Add(key.Hex);
        if (_cache.TryRead<PageText>(key, Decode, out var text))
        {
            Hits++;
            page = text.Buffer.AsMemory(0, text.Length);
            return true;
        }

        Misses++;
        page = ReadOnlyMemory<char>.Empty;
        return false;
    }

    /// <summary>Stores a page just rendered; a text with a lone surrogate (not UTF-8) is not stored.</summary>
    public void Set(CacheKey key, ReadOnlySpan<char> page)
    {
        _used.Add(key.Hex);
        var most = checked(page.Length * 3);
        if (_bytes.Length < most)
        {
            _bytes = new byte[most];
        }

        if (Utf8.FromUtf16(page, _bytes, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            _cache.Set(key, _bytes.AsSpan(0, written));
        }
    }

    /// <summary>Deletes every entry this build neither read nor stored (pages of versions gone, inputs changed).</summary>
    public void RemoveUnused() => _cache.RemoveEntriesExcept(_used);

    // Strict UTF-8 into the reused buffer: an entry that is not valid UTF-8 is not a page this cache stored.
    private bool Decode(ReadOnlySpan<byte> payload, out PageText text)
    {
        text = _text;
        if (text.Buffer.Length < payload.Length)
        {
            text.Buffer = new char[payload.Length];
        }

        if (Utf8.ToUtf16(payload, text.Buffer, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return false;
        }

        text.Length = written;
        return true;
    }

    // A class, not a tuple or struct: ContentCache.TryRead over a value type would be compiled at run time in every
    // build (ReadyToRun cannot hold it; issue 9).
    private sealed class PageText
    {
        public char[] Buffer { get; set; } = [];

        public int Length { get; set; }
    }
}
