namespace Handbook.Site.Versions;

using Handbook.Pipeline.Caching;

/// <summary>
/// A cache folder that holds one <see cref="VersionPagePack"/> (key → entry) as its only engine <see cref="ContentCache"/>
/// entry, and the entries a build keeps for the next one: read once, when the first entry is looked up; written once
/// (<see cref="Save"/>) with exactly the entries the build found or added, and not at all when it found every stored
/// entry and added none. The two caches of historic pages (<see cref="VersionRenderCache"/>: rendered contents;
/// <see cref="VersionPageCache"/>: finished pages) differ only in what an entry is, so this is their shared part.
/// </summary>
/// <remarks>
/// Why one pack and not a file per entry (issue 9): each file was a fan-out folder, a temporary file and a rename – on the
/// replayed history ≈ 80 rendered contents and ≈ 285 pages – and each inode is slow to allocate on a file system that
/// has just deleted many. A missing, damaged or unreadable pack is a miss for every entry (the length and SHA-256 of
/// the engine entry are checked when it is read). Entries not found or added in a build leave the pack at its next
/// write. Thread-safe: the commit batches look contents up in parallel.
/// </remarks>
internal sealed class KeptPack
{
    private readonly ContentCache _cache;
    private readonly CacheKey _packKey;
    private readonly Lock _gate = new();

    // This build's entries, by key: a slice of the stored pack (found) or an entry's own bytes (added).
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _kept = new(StringComparer.Ordinal);

    // The stored pack, read when the first entry is looked up (null: not read yet, or written since).
    private VersionPagePack? _stored;
    private bool _added;

    /// <param name="folder">The cache folder; its only entry is the pack.</param>
    /// <param name="packName">Names the pack's key with <paramref name="packVersion"/>: bump the version when the
    /// entries' layout changes, and an old pack is never read.</param>
    public KeptPack(string folder, string packName, string packVersion)
    {
        _cache = new ContentCache(folder);
        _packKey = CacheKey.Create(packName, packVersion);
    }

    public CacheStatistics Statistics => _cache.Statistics;

    /// <summary>The file the pack lives in (tests damage it on purpose).</summary>
    public string PackPath => _cache.PathOf(_packKey);

    /// <summary>The stored entries (empty when there is no pack or it is damaged).</summary>
    public VersionPagePack Stored() => Read();

    /// <summary>
    /// The stored entry of <paramref name="keyHex"/>; false when the pack has none. The caller checks the entry and
    /// keeps it (<see cref="Keep"/>) only when it can use it.
    /// </summary>
    public bool TryFind(string keyHex, out ReadOnlyMemory<byte> entry)
    {
        lock (_gate)
        {
            _stored ??= Read();
            return _stored.TryGetPage(keyHex, out entry);
        }
    }

    /// <summary>Keeps an entry found in the stored pack for the next one.</summary>
    public void Keep(string keyHex, ReadOnlyMemory<byte> entry)
    {
        lock (_gate)
        {
            _kept[keyHex] = entry;
        }
    }

    /// <summary>Keeps the stored entry of <paramref name="keyHex"/>, if there is one, without the caller reading it; false when there is none.</summary>
    public bool KeepIfStored(string keyHex)
    {
        lock (_gate)
        {
            _stored ??= Read();
            if (!_stored.TryGetPage(keyHex, out var entry))
            {
                return false;
            }

            _kept[keyHex] = entry;
            return true;
        }
    }

    /// <summary>Keeps an entry made in this build (the pack is written at <see cref="Save"/>).</summary>
    public void Add(string keyHex, ReadOnlyMemory<byte> entry)
    {
        lock (_gate)
        {
            _kept[keyHex] = entry;
            _added = true;
        }
    }

    /// <summary>
    /// Writes the kept entries as the new pack, unless the stored pack holds exactly those (nothing added, every stored
    /// entry found); then starts again from what is stored, for a next build in the same process (the preview).
    /// </summary>
    public void Save()
    {
        lock (_gate)
        {
            _stored ??= Read();
            if (_added || _kept.Count != _stored.Count)
            {
                _cache.Set(_packKey, VersionPagePack.Segments(_kept));
                // The folder holds the pack alone (caches of earlier forms held one file per entry).
                _cache.RemoveEntriesExcept(new HashSet<string>(StringComparer.Ordinal) { _packKey.Hex });
                _stored = null;
            }

            _kept.Clear();
            _added = false;
        }
    }

    /// <summary>Writes <paramref name="entries"/> as the pack, as they are (tests store damaged entries).</summary>
    public void StoreRaw(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> entries) => _cache.Set(_packKey, VersionPagePack.Segments(entries));

    private VersionPagePack Read() =>
        _cache.TryGetPayload(_packKey, out var payload) && VersionPagePack.TryParse(payload, out var pack) ? pack : VersionPagePack.Empty;
}
