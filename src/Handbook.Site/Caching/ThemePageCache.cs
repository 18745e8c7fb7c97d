namespace Handbook.Site.Caching;

using System.Buffers.Binary;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Documents;
using Handbook.Site.Stages;
using Handbook.Site.Theming;
using Handbook.Site.Versions;

/// <summary>
/// Family pages and compare pages across builds (subfolder <c>theme-pages/</c> of <c>--cache DIR</c>, where families
/// are reused: by default in a versioned <c>build --cache</c>, else with <c>--reuse-families</c>): for each page's key
/// (<see cref="ThemePageKeys"/>: everything its rendering reads) the SHA-256 and length of the bytes it rendered to. A
/// page whose key is stored and whose file the previous output still holds with exactly those bytes is staged as
/// that file, left in place (<see cref="StageFinishedPages.TryFinishUnchanged"/>) instead of being rendered through the
/// theme, encoded and hashed again (issue 9: after one commit on the replayed history, 121 of 122 families are
/// restored, yet each family page and compare page went through Fluid again – the compare pages' loops most).
/// </summary>
/// <remarks>
/// <para>
/// Only hashes are stored, never pages: the bytes are the previous output's own file, which the staging keeps only
/// after checking that it is still as the cache's record says (length, last-write time, hash; see
/// <c>PreviousOutputFiles</c>). Without a previous output (a fresh output folder) every page is rendered as before and
/// its hash stored. All entries are one pack (<see cref="KeptPack"/>, ≈ 40 bytes a page): read with one read when the
/// first page is asked for, written once (<see cref="Save"/>) with exactly the entries this build used or made, and not
/// at all when those are what is stored. A missing or damaged pack is a miss for every page; a malformed entry is a
/// miss for its page. A cache problem is never a build error.
/// </para>
/// <para>Thread-safe: the theme renders pages in parallel.</para>
/// </remarks>
public sealed class ThemePageCache(string cacheFolder, Theme theme)
{
    public const string SubFolder = "theme-pages";

    // Bump the version when an entry's layout changes: an old pack is then never read.
    private const string PackVersion = "hash-1";

    private const int EntryLength = 32 + 8;

    private readonly KeptPack _pack = new(Path.Combine(cacheFolder, SubFolder), nameof(ThemePageCache), PackVersion);
    private readonly Lazy<ThemePageKeys> _keys = new(() => new ThemePageKeys(theme));
    private int _kept;
    private int _rendered;

    /// <summary>The keys of this build's pages (made when first asked for: the theme folder is hashed once).</summary>
    public ThemePageKeys Keys => _keys.Value;

    /// <summary>Pages staged as the previous output's file in this build (not rendered).</summary>
    public int Kept => Volatile.Read(ref _kept);

    /// <summary>Pages rendered (and their hashes kept) in this build.</summary>
    public int Rendered => Volatile.Read(ref _rendered);

    /// <summary>The file the pack lives in (tests damage it on purpose).</summary>
    public static string PackPath(string cacheFolder) =>
        new KeptPack(Path.Combine(cacheFolder, SubFolder), nameof(ThemePageCache), PackVersion).PackPath;

    /// <summary>
    /// <paramref name="page"/> (without its text) staged as the previous output's file when <paramref name="key"/> is
    /// stored and that file holds the bytes it names; null otherwise (render the page, then <see cref="Remember"/>).
    /// </summary>
    public Document? TryStage(CacheKey? key, Document page, StageFinishedPages finishedPages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(finishedPages);
        if (key is not { } stored || !_pack.TryFind(stored.Hex, out var entry) || entry.Length != EntryLength)
        {
            return null;
        }

        var span = entry.Span;
        var length = BinaryPrimitives.ReadInt64LittleEndian(span[32..]);
        if (finishedPages.TryFinishUnchanged(page, span[..32], length, cancellationToken) is not { } staged)
        {
            return null;
        }

        _pack.Keep(stored.Hex, entry);
        Interlocked.Increment(ref _kept);
        return staged;
    }

    /// <summary>Keeps the hash of a page just rendered and staged under <paramref name="key"/> (a page that was not staged, or has no key, is not kept).</summary>
    public void Remember(CacheKey? key, Document staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        Interlocked.Increment(ref _rendered);
        if (key is not { } toStore || staged.Staged is not { Sha256: { Length: 32 } sha256 } file)
        {
            return;
        }

        var entry = new byte[EntryLength];
        sha256.Span.CopyTo(entry);
        BinaryPrimitives.WriteInt64LittleEndian(entry.AsSpan(32), file.Length);
        _pack.Add(toStore.Hex, entry);
    }

    /// <summary>
    /// Writes the entries this build used or made as the new pack, unless the stored pack holds exactly those: then
    /// nothing is written.
    /// </summary>
    public void Save() => _pack.Save();
}
