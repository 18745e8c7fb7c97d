namespace Handbook.Site.Caching;

using System.Text.Json;
using Handbook.JobFamilies.Reuse;
using Handbook.Pipeline.Caching;

/// <summary>
/// The stored family states under <c>&lt;cache&gt;/pages/families</c>: each state (<see cref="FamilyStateCodec"/>) in
/// a content-addressed entry (<see cref="ContentCache"/>: SHA-256 checked, so a damaged entry is a miss) and one index
/// (<see cref="FamilyReuseIndex"/>) naming the entries the last build made. Saving an index deletes every entry it does
/// not name, so the folder holds one build's families at most (its growth is bounded by the site, not by the number
/// of builds). Every failure is a miss: the caller builds the family instead.
/// </summary>
public sealed class FamilyReuseStore
{
    /// <summary>Bump when the index's or the entries' meaning changes, so older ones stop being found.</summary>
    public const string FormatVersion = "family-reuse-3";

    private static readonly CacheKey IndexKey = CacheKey.Create("family-reuse-index", FormatVersion);

    private readonly ContentCache _entries;
    private readonly ContentCache _index;

    public FamilyReuseStore(string cacheFolder)
    {
        ArgumentNullException.ThrowIfNull(cacheFolder);
        Folder = Path.Combine(Path.GetFullPath(cacheFolder), SiteOutputCache.Subfolder, "families");
        _entries = new ContentCache(Path.Combine(Folder, "entries"));
        _index = new ContentCache(Path.Combine(Folder, "index"));
    }

    public string Folder { get; }

    /// <summary>The folder the entries are in (<see cref="ContentCache"/> layout: one file per entry, flat).</summary>
    public string EntriesFolder => _entries.Folder;

    public bool TryLoadIndex(out FamilyReuseIndex index)
    {
        index = null!;
        if (!_index.TryGet(IndexKey, out var bytes))
        {
            return false;
        }

        try
        {
            index = JsonSerializer.Deserialize(bytes, FamilyReuseJsonContext.Default.FamilyReuseIndex)!;
            return index is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Writes the index, then deletes the entries it does not name (a previous build's, or a failed write's leftovers).</summary>
    public void SaveIndex(FamilyReuseIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index.Set(IndexKey, JsonSerializer.SerializeToUtf8Bytes(index, FamilyReuseJsonContext.Default.FamilyReuseIndex));
        _entries.RemoveEntriesExcept(index.Families.Select(f => f.EntryKey).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Stores a family's state and returns its entry key (the SHA-256 of its bytes: an unchanged state is not written again).</summary>
    public string Store(FamilyState state)
    {
        // The entry's pieces are hashed and written as they are: no joined copy of a ≈ 190 KB entry per family.
        using var encoded = FamilyStateCodec.Encode(state);
        return _entries.SetContentAddressed(encoded.Segments).Hex;
    }

    /// <summary>The state stored under <paramref name="entryKey"/>; false when it is missing, damaged or of another format.</summary>
    public bool TryRestore(string entryKey, out FamilyState state)
    {
        state = null!;
        return IsEntryKey(entryKey)
            && _entries.TryRead(new CacheKey(entryKey), FamilyStateCodec.TryRead, out state);
    }

    private static bool IsEntryKey(string key) => key.Length == 64 && key.All(char.IsAsciiHexDigitLower);
}
