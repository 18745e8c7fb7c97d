namespace Handbook.Site.Versions;

using System.Buffers;
using System.Text.Unicode;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Documents;
using Handbook.Site.Stages;

/// <summary>
/// Finished version and history pages across builds (subfolder <c>version-pages/</c> of <c>--cache DIR</c>, where
/// families are reused: by default in a versioned <c>build --cache</c>, else with <c>--reuse-families</c>): each
/// page's UTF-8 bytes under a key of everything its rendering reads (<see cref="VersionPageKeys"/>). The build after
/// one new commit renders through the theme only the pages whose inputs changed – the family's new version, the one
/// that stopped being the latest, its history page – and takes the other ≈ 280 pages of the replayed history as they
/// were (issue 9: rendering them was most of <c>RenderVersionPages</c> when no version needed rendering).
/// </summary>
/// <remarks>
/// <para>
/// All pages of a build are one pack (<see cref="KeptPack"/>): read with one read when the first page is asked for,
/// written with one write at the end of the stage (<see cref="SavePagesOfThisBuild"/>), and not written at all when the
/// build used exactly the pages it holds. One file per page (the thirteenth session's form) was a temporary file, a
/// rename and a fan-out folder for each of 285 pages; one pack is one sequential write of ≈ 7 MB. Without family reuse
/// the keys and the pack's read and write cost about what the build after one commit saved by not rendering the pages
/// (fourteenth session, measured), so only builds that reuse families keep them.
/// </para>
/// <para>
/// An entry is the SHA-256 of the page's bytes as the build staged them (zeros when it was not staged) and those bytes.
/// A page whose key is stored and whose file the previous output still holds with exactly those bytes is staged as
/// that file, left in place (<see cref="TryStageUnchanged"/>), as <see cref="Caching.ThemePageCache"/> does for family
/// pages: not decoded, encoded, hashed and written again (issue 9: staging the ≈ 280 pages taken from the cache was
/// most of what the stage did after one commit). Without a previous output the stored bytes are staged as before.
/// </para>
/// <para>
/// A page whose text UTF-8 cannot carry is not stored. Thread-safe: the stage makes the families' pages in parallel
/// (the pack takes entries under its lock; each thread decodes into and encodes from buffers of its own).
/// </para>
/// </remarks>
public sealed class VersionPageCache(string cacheFolder)
{
    public const string SubFolder = "version-pages";

    // Bump the version when the pack's layout changes: an old pack is then never read.
    private const string PackVersion = "pack-2";

    private const int HashLength = 32;

    // This thread's buffers: the page a hit decodes (handed out until the thread's next TryGet) and the bytes Set encodes.
    [ThreadStatic]
    private static PageText? t_text;

    [ThreadStatic]
    private static byte[]? t_scratch;

    private readonly KeptPack _pack = PackOf(cacheFolder);
    private int _hits;
    private int _kept;
    private int _misses;

    /// <summary>Pages taken from the cache in this build.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Pages taken from the cache in this build as the previous output's file (a subset of <see cref="Hits"/>).</summary>
    public int Kept => Volatile.Read(ref _kept);

    /// <summary>Pages rendered (and stored) in this build.</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>The file the pack lives in (tests damage it on purpose).</summary>
    public static string PackPath(string cacheFolder) => PackOf(cacheFolder).PackPath;

    /// <summary>The keys of the pages the stored pack holds (empty when there is none or it is damaged), in key order.</summary>
    public static IReadOnlyList<string> StoredKeys(string cacheFolder) => PackOf(cacheFolder).Stored().Keys;

    /// <summary>
    /// <paramref name="page"/> (without its text) staged as the previous output's file when <paramref name="key"/> is
    /// stored with the hash of its staged bytes and that file holds exactly those bytes; null otherwise (then
    /// <see cref="TryGet"/>, or render the page).
    /// </summary>
    public Document? TryStageUnchanged(CacheKey key, Document page, StageFinishedPages finishedPages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(finishedPages);
        if (!_pack.TryFind(key.Hex, out var bytes) || bytes.Length < HashLength || bytes.Span[..HashLength].IndexOfAnyExcept((byte)0) < 0)
        {
            return null;
        }

        if (finishedPages.TryFinishUnchanged(page, bytes.Span[..HashLength], bytes.Length - HashLength, cancellationToken) is not { } staged)
        {
            return null;
        }

        _pack.Keep(key.Hex, bytes);
        Interlocked.Increment(ref _hits);
        Interlocked.Increment(ref _kept);
        return staged;
    }

    /// <summary>The stored page of <paramref name="key"/>, valid until this thread's next <see cref="TryGet"/> on any version-page cache (the buffer is the thread's); false on a miss.</summary>
    public bool TryGet(CacheKey key, out ReadOnlyMemory<char> page)
    {
        var text = t_text ??= new PageText();
        if (_pack.TryFind(key.Hex, out var bytes) && bytes.Length >= HashLength && Decode(bytes.Span[HashLength..], text))
        {
            _pack.Keep(key.Hex, bytes);
            Interlocked.Increment(ref _hits);
            page = text.Buffer.AsMemory(0, text.Length);
            return true;
        }

        Interlocked.Increment(ref _misses);
        page = ReadOnlyMemory<char>.Empty;
        return false;
    }

    /// <summary>
    /// Keeps a page just rendered for the pack, with the hash staging took of its bytes when <paramref name="finished"/>
    /// was staged from exactly them; a text with a lone surrogate (not UTF-8) is not kept.
    /// </summary>
    public void Set(CacheKey key, ReadOnlySpan<char> page, Document finished)
    {
        ArgumentNullException.ThrowIfNull(finished);
        var most = checked(HashLength + (page.Length * 3));
        var scratch = t_scratch;
        if (scratch is null || scratch.Length < most)
        {
            t_scratch = scratch = new byte[most];
        }

        if (Utf8.FromUtf16(page, scratch.AsSpan(HashLength), out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return;
        }

        var hash = scratch.AsSpan(0, HashLength);
        if (finished.Staged is { Sha256: { Length: HashLength } sha256 } file && file.Length == written)
        {
            sha256.Span.CopyTo(hash);
        }
        else
        {
            hash.Clear();
        }

        _pack.Add(key.Hex, scratch.AsSpan(0, HashLength + written).ToArray());
    }

    /// <summary>
    /// Writes the pages this build read or rendered as the new pack, unless the stored pack holds exactly those pages
    /// (the build rendered none and used every stored one): then nothing is written.
    /// </summary>
    public void SavePagesOfThisBuild() => _pack.Save();

    private static KeptPack PackOf(string cacheFolder) => new(Path.Combine(cacheFolder, SubFolder), nameof(VersionPageCache), PackVersion);

    // Strict UTF-8 into the reused buffer: a page that is not valid UTF-8 is not a page this cache stored.
    private static bool Decode(ReadOnlySpan<byte> payload, PageText text)
    {
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

    private sealed class PageText
    {
        public char[] Buffer { get; set; } = [];

        public int Length { get; set; }
    }
}
