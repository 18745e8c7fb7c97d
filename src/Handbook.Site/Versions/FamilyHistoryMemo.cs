namespace Handbook.Site.Versions;

using System.Text.Json;
using System.Text.Json.Serialization;
using Handbook.Pipeline.Caching;

/// <summary>
/// What <c>RenderVersionPages</c> made of each family's history in earlier builds with <c>--cache</c> (subfolder
/// <c>version-families/</c>, kept with <see cref="VersionPageCache"/>): which versions were published, the key of each
/// version page and of the history page, and each version's line of the recent changes. Keyed by everything the
/// family's share of the stage reads (<see cref="VersionPageKeys.ForFamilyHistory"/>), with each version's content
/// named by its render-cache key instead of being read.
/// </summary>
/// <remarks>
/// Why (issue 9): after one new commit every other family's version and history pages are the previous output's files,
/// but finding that out read every version's content from the render cache (its JSON and body), compared consecutive
/// versions again and fingerprinted each content – ≈ 7 % of the build's CPU on the replayed history, for pages left as
/// they were. A content is a function of its render-cache key (the key holds every input of its rendering; a content
/// taken from the current page equals the rendered one, which the oracle tests check), so a family whose versions have
/// the same keys, metadata and surroundings has the same pages and lines. A family whose entry is missing, or one of
/// whose stored pages cannot be staged, is made as without the memo. The pack keeps the entries of this build only.
/// </remarks>
public sealed class FamilyHistoryMemo(string cacheFolder)
{
    public const string SubFolder = "version-families";

    // Bump the version when the entries' layout changes: an old pack is then never read.
    private const string PackVersion = "pack-1";

    private readonly KeptPack _pack = new(Path.Combine(cacheFolder, SubFolder), nameof(FamilyHistoryMemo), PackVersion);
    private int _hits;

    /// <summary>Families whose stored history was used in this build.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>The stored history of <paramref name="key"/>; false when none is stored (or it is not of this shape).</summary>
    public bool TryGet(CacheKey key, out StoredFamilyHistory history)
    {
        history = null!;
        if (!_pack.TryFind(key.Hex, out var entry))
        {
            return false;
        }

        try
        {
            history = JsonSerializer.Deserialize(entry.Span, FamilyHistoryMemoJsonContext.Default.StoredFamilyHistory)!;
        }
        catch (JsonException)
        {
            return false;
        }

        return history is { Versions: not null, HistoryPageKey: not null };
    }

    /// <summary>Keeps the entry of <paramref name="key"/> for the next build: the family's stored pages were all staged.</summary>
    public void Used(CacheKey key)
    {
        if (_pack.KeepIfStored(key.Hex))
        {
            Interlocked.Increment(ref _hits);
        }
    }

    /// <summary>Keeps what this build made of a family's history for the next one.</summary>
    public void Set(CacheKey key, StoredFamilyHistory history) =>
        _pack.Add(key.Hex, JsonSerializer.SerializeToUtf8Bytes(history, FamilyHistoryMemoJsonContext.Default.StoredFamilyHistory));

    /// <summary>Writes the entries of this build (not at all when they are the stored ones).</summary>
    public void Save() => _pack.Save();
}

/// <summary>One family's history as a build made it: its history page's key and its published versions, newest first.</summary>
public sealed record StoredFamilyHistory(string HistoryPageKey, IReadOnlyList<StoredVersionPage> Versions);

/// <summary>A published version: its id, its page's key, and what the recent changes say of it.</summary>
public sealed record StoredVersionPage(string Id, string PageKey, string Summary, IReadOnlyList<string> GradeChanges);

/// <summary>Source-generated metadata of <see cref="FamilyHistoryMemo"/>'s entries (no reflection at run time; issue 9).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(StoredFamilyHistory))]
internal sealed partial class FamilyHistoryMemoJsonContext : JsonSerializerContext;
