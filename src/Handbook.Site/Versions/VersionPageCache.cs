namespace Handbook.Site.Versions;

using System.Buffers;
using System.Text.Unicode;
using Handbook.Pipeline.Caching;

/// <summary>
/// Finished version and history pages across builds (subfolder <c>version-pages/</c> of <c>--cache DIR</c>, with
/// <c>--reuse-families</c>): each
/// page's UTF-8 bytes under a key of everything its rendering reads (<see cref="VersionPageKeys"/>). The build after
/// one new commit renders through the theme only the pages whose inputs changed – the family's new version, the one
/// that stopped being the latest, its history page – and takes the other ≈ 280 pages of the replayed history as they
/// were (issue 9: rendering them was most of <c>RenderVersionPages</c> when no version needed rendering).
/// </summary>
/// <remarks>
/// <para>
/// All pages of a build are one <see cref="VersionPagePack"/>, stored as one engine <see cref="ContentCache"/> entry
/// (length and SHA-256 checked when it is read): read with one read when the first page is asked for, written with one
/// write at the end of the stage (<see cref="SavePagesOfThisBuild"/>), and not written at all when the build used exactly
/// the pages it holds. One file per page (the thirteenth session's form) was a temporary file, a rename and a fan-out
/// folder for each of 285 pages; one pack is one sequential write of ≈ 7 MB. It stays opt-in: on the default path the
/// keys and the pack's read and write cost about what the build after one commit saved by not rendering the pages
/// (fourteenth session, measured).
/// </para>
/// <para>
/// A missing, damaged or unreadable pack is a miss for every page (each is rendered, and the pack written again); a
/// page whose text UTF-8 cannot carry is not stored. The pack holds only the pages this build read or rendered, so
/// pages of versions gone or inputs changed leave it at the next write. Used by one thread at a time (the stage
/// renders these pages one after the other).
/// </para>
/// </remarks>
public sealed class VersionPageCache(string cacheFolder)
{
    public const string SubFolder = "version-pages";

    // The one entry of the folder. Bump the version when the pack's layout changes: an old pack is then never read.
    private static readonly CacheKey PackKey = CacheKey.Create(nameof(VersionPageCache), "pack-1");

    private readonly ContentCache _cache = new(Path.Combine(cacheFolder, SubFolder));

    // This build's pages, by key: a slice of the stored pack (taken from it) or a page's own bytes (rendered).
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _kept = new(StringComparer.Ordinal);
    private readonly PageText _text = new();
    private byte[] _scratch = [];
    private VersionPagePack? _stored;
    private bool _rendered;

    /// <summary>Pages taken from the cache in this build.</summary>
    public int Hits { get; private set; }

    /// <summary>Pages rendered (and stored) in this build.</summary>
    public int Misses { get; private set; }

    /// <summary>The file the pack lives in (tests damage it on purpose).</summary>
    public static string PackPath(string cacheFolder) => new ContentCache(Path.Combine(cacheFolder, SubFolder)).PathOf(PackKey);

    /// <summary>The keys of the pages the stored pack holds (empty when there is none or it is damaged), in key order.</summary>
    public static IReadOnlyList<string> StoredKeys(string cacheFolder) => Read(new ContentCache(Path.Combine(cacheFolder, SubFolder))).Keys;

    /// <summary>The stored page of <paramref name="key"/>, valid until the next call on this cache; false on a miss.</summary>
    public bool TryGet(CacheKey key, out ReadOnlyMemory<char> page)
    {
        _stored ??= Read(_cache);
        if (_stored.TryGetPage(key.Hex, out var bytes) && Decode(bytes.Span))
        {
            _kept[key.Hex] = bytes;
            Hits++;
            page = _text.Buffer.AsMemory(0, _text.Length);
            return true;
        }

        Misses++;
        page = ReadOnlyMemory<char>.Empty;
        return false;
    }

    /// <summary>Keeps a page just rendered for the pack; a text with a lone surrogate (not UTF-8) is not kept.</summary>
    public void Set(CacheKey key, ReadOnlySpan<char> page)
    {
        _rendered = true;
        var most = checked(page.Length * 3);
        if (_scratch.Length < most)
        {
            _scratch = new byte[most];
        }

        if (Utf8.FromUtf16(page, _scratch, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            _kept[key.Hex] = _scratch.AsSpan(0, written).ToArray();
        }
    }

    /// <summary>
    /// Writes the pages this build read or rendered as the new pack, unless the stored pack holds exactly those pages
    /// (the build rendered none and used every stored one): then nothing is written.
    /// </summary>
    public void SavePagesOfThisBuild()
    {
        _stored ??= Read(_cache);
        if (!_rendered && _kept.Count == _stored.Count)
        {
            return;
        }

        _cache.Set(PackKey, VersionPagePack.Segments(_kept));
        // The folder holds the pack alone (a cache of the thirteenth session's form held one file per page).
        _cache.RemoveEntriesExcept(new HashSet<string>(StringComparer.Ordinal) { PackKey.Hex });
    }

    private static VersionPagePack Read(ContentCache cache) =>
        cache.TryGetPayload(PackKey, out var payload) && VersionPagePack.TryParse(payload, out var pack) ? pack : VersionPagePack.Empty;

    // Strict UTF-8 into the reused buffer: a page that is not valid UTF-8 is not a page this cache stored.
    private bool Decode(ReadOnlySpan<byte> payload)
    {
        if (_text.Buffer.Length < payload.Length)
        {
            _text.Buffer = new char[payload.Length];
        }

        if (Utf8.ToUtf16(payload, _text.Buffer, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return false;
        }

        _text.Length = written;
        return true;
    }

    private sealed class PageText
    {
        public char[] Buffer { get; set; } = [];

        public int Length { get; set; }
    }
}
