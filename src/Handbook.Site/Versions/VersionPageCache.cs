namespace Handbook.Site.Versions;

using System.Buffers;
using System.Buffers.Binary;
using System.Text.Unicode;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Documents;
using Handbook.Site.Caching;
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
/// All entries of a build are one pack (<see cref="KeptPack"/>): read with one read when the first page is asked for,
/// written with one write at the end of the stage (<see cref="SavePagesOfThisBuild"/>), and not written at all when the
/// build used exactly the pages it holds. One file per page (the thirteenth session's form) was a temporary file, a
/// rename and a fan-out folder for each of 285 pages. Without family reuse the keys and the pack's read and write cost
/// about what the build after one commit saved by not rendering the pages (fourteenth session, measured), so only
/// builds that reuse families keep them.
/// </para>
/// <para>
/// An entry is the SHA-256 and length of the page's bytes as the build staged them – not the bytes: those are the
/// output file the build cache keeps anyway, under that hash (<c>pages/files/</c>, <see cref="Caching.SiteOutputCache"/>).
/// A page whose key is stored and whose file the previous output still holds with exactly those bytes is staged as
/// that file, left in place (<see cref="TryStageUnchanged"/>), as <see cref="Caching.ThemePageCache"/> does for family
/// pages: not decoded, encoded, hashed and written again (issue 9: staging the ≈ 280 pages taken from the cache was
/// most of what the stage did after one commit). Without a previous output the bytes are read from the build cache's
/// file of that hash, checked against the hash, and staged as before (<see cref="TryGet"/>). Until the twenty-eighth
/// session the pack held the bytes too (≈ 7 MB on the replayed history), read whole by every build only for the hashes
/// and written whole whenever one page changed. A page that was not staged (no hash) keeps its bytes in its entry.
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
    // pack-3: hash and length only, the bytes in the build cache's files (bytes only for a page without a hash).
    private const string PackVersion = "pack-3";

    private const int HashLength = 32;
    private const int HeadLength = HashLength + sizeof(long);

    // This thread's buffers: the page a hit decodes (handed out until the thread's next TryGet) and the bytes Set encodes.
    [ThreadStatic]
    private static PageText? t_text;

    [ThreadStatic]
    private static byte[]? t_scratch;

    private readonly KeptPack _pack = PackOf(cacheFolder);

    // Where the build cache keeps each output file under the SHA-256 of its bytes.
    private readonly FileBlobStore _files = new(SiteOutputCache.FilesFolder(cacheFolder));
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
        if (!_pack.TryFind(key.Hex, out var entry) || !TryHead(entry.Span, out var length) || !IsHashed(entry.Span))
        {
            return null;
        }

        if (finishedPages.TryFinishUnchanged(page, entry.Span[..HashLength], length, cancellationToken) is not { } staged)
        {
            return null;
        }

        _pack.Keep(key.Hex, entry);
        Interlocked.Increment(ref _hits);
        Interlocked.Increment(ref _kept);
        return staged;
    }

    /// <summary>The stored page of <paramref name="key"/>, valid until this thread's next <see cref="TryGet"/> on any version-page cache (the buffer is the thread's); false on a miss.</summary>
    public bool TryGet(CacheKey key, out ReadOnlyMemory<char> page)
    {
        var text = t_text ??= new PageText();
        if (_pack.TryFind(key.Hex, out var entry) && TryHead(entry.Span, out var length) && TryDecodePage(entry.Span, length, text))
        {
            _pack.Keep(key.Hex, entry);
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
        var entry = new byte[HeadLength];
        if (finished.Staged is { Sha256: { Length: HashLength } sha256 } file
            && file.Length == System.Text.Encoding.UTF8.GetByteCount(page))
        {
            // The bytes are the staged file, which the build cache keeps under this hash.
            sha256.Span.CopyTo(entry);
            BinaryPrimitives.WriteInt64LittleEndian(entry.AsSpan(HashLength), file.Length);
            _pack.Add(key.Hex, entry);
            return;
        }

        var most = checked(HeadLength + (page.Length * 3));
        var scratch = t_scratch;
        if (scratch is null || scratch.Length < most)
        {
            t_scratch = scratch = new byte[most];
        }

        if (Utf8.FromUtf16(page, scratch.AsSpan(HeadLength), out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return;
        }

        // Not staged from exactly these bytes: no hash (zeros), the bytes in the entry.
        scratch.AsSpan(0, HashLength).Clear();
        BinaryPrimitives.WriteInt64LittleEndian(scratch.AsSpan(HashLength), written);
        _pack.Add(key.Hex, scratch.AsSpan(0, HeadLength + written).ToArray());
    }

    // An entry's head: the hash (zeros when the page was not staged) and the length of the page's bytes.
    private static bool TryHead(ReadOnlySpan<byte> entry, out long length)
    {
        length = entry.Length >= HeadLength ? BinaryPrimitives.ReadInt64LittleEndian(entry[HashLength..HeadLength]) : -1;
        if (length < 0)
        {
            return false;
        }

        return entry.Length == (IsHashed(entry) ? HeadLength : HeadLength + length);
    }

    // Whether the entry names the page's bytes by their hash (zeros: the page was not staged, its bytes follow).
    private static bool IsHashed(ReadOnlySpan<byte> entry) => entry[..HashLength].IndexOfAnyExcept((byte)0) >= 0;

    // The page of an entry: its own bytes (no hash), or the build cache's file of its hash, checked against the hash.
    private bool TryDecodePage(ReadOnlySpan<byte> entry, long length, PageText text)
    {
        if (!IsHashed(entry))
        {
            return Decode(entry[HeadLength..], text);
        }

        if (length > int.MaxValue)
        {
            return false;
        }

        var buffer = t_scratch;
        if (buffer is null || buffer.Length < length)
        {
            t_scratch = buffer = new byte[length];
        }

        // The store checks the bytes against the hash: its files are links to output files someone could edit.
        var bytes = buffer.AsSpan(0, (int)length);
        return _files.TryRead(new CacheKey(Convert.ToHexStringLower(entry[..HashLength])), bytes) && Decode(bytes, text);
    }

    /// <summary>
    /// Writes the pages this build read or rendered as the new pack, unless the stored pack holds exactly those pages
    /// (the build rendered none and used every stored one): then nothing is written. The families' memo likewise.
    /// </summary>
    public void SavePagesOfThisBuild()
    {
        _pack.Save();
        Families.Save();
    }

    /// <summary>What earlier builds made of each family's history, kept with the pages (<see cref="FamilyHistoryMemo"/>).</summary>
    public FamilyHistoryMemo Families { get; } = new(cacheFolder);

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
