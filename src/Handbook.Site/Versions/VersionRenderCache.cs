namespace Handbook.Site.Versions;

using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Handbook.Pipeline.Caching;
using Handbook.Site.Theming.Views;

/// <summary>
/// The render cache of versions: <see cref="HistoricContent"/> in the engine's <see cref="ContentCache"/> (subfolder
/// <c>versions/</c> of <c>--cache DIR</c>), content-addressed by everything a version's rendering reads: its page
/// blob and path, the grade-data blob, the blobs of the pages it links to (extends targets) and of the commit's
/// partials, the theme's hash and the tool version. An entry is the content as JSON without its body, a NUL byte
/// (never part of JSON text) and the body as UTF-8, read back as <see cref="FamilyView.BodyHtmlUtf8"/>: the body, most
/// of an entry, is neither escaped into the JSON nor decoded into a string (issue 9). An entry that is not of this
/// shape is a miss; it is rendered again.
/// </summary>
/// <remarks>
/// The entries of a build are one <see cref="VersionPagePack"/> (key → entry), stored as the folder's one engine
/// <see cref="ContentCache"/> entry (length and SHA-256 checked when read): read once when the first version is looked
/// up, written once when the build's versions are known (<see cref="SaveEntriesOfThisBuild"/>), and not written at all
/// when the build used exactly the entries it holds. One file per entry (the form before the twenty-first session)
/// cost a cold versioned build a fan-out folder, a temporary file and a rename for each rendered version (the replayed
/// history: 78 files in 72 folders), and each such inode is slow to allocate on a file system that has just deleted
/// many (see README, "What is left"). The pack holds only the entries this build read or rendered, so entries of
/// versions gone or of inputs changed leave it at the next write. A missing, damaged or unreadable pack is a miss for
/// every version (each is rendered, and the pack written again); a cache problem is never a build error. Safe to use
/// from the parallel commit batches.
/// </remarks>
public sealed class VersionRenderCache(string cacheFolder)
{
    public const string SubFolder = "versions";

    // Bump when HistoricContent or the way it is produced or stored changes (on top of the assembly version).
    // 2: the body after the JSON as UTF-8 bytes.
    private const string PayloadVersion = "2";

    private const byte BodySeparator = 0;

    // The one entry of the folder. Bump the version when the pack's layout changes: an old pack is then never read.
    private static readonly CacheKey PackKey = CacheKey.Create(nameof(VersionRenderCache), "pack-1");

    private static readonly string ToolVersion =
        (typeof(VersionRenderCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0") + "/" + PayloadVersion;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // One buffer per thread (commit batches store their entries in parallel), reused for every entry (issue 9).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly ContentCache _cache = new(Path.Combine(cacheFolder, SubFolder));
    private readonly Lock _gate = new();

    // This build's entries, by key: a slice of the stored pack (taken from it) or an entry's own bytes (rendered).
    private readonly Dictionary<string, ReadOnlyMemory<byte>> _kept = new(StringComparer.Ordinal);

    // The stored pack, read when the first version is looked up (null: not read yet, or written since).
    private VersionPagePack? _stored;
    private bool _added;

    public CacheStatistics Statistics => _cache.Statistics;

    /// <summary>The file the pack lives in (tests damage it on purpose).</summary>
    public static string PackPath(string cacheFolder) => new ContentCache(Path.Combine(cacheFolder, SubFolder)).PathOf(PackKey);

    /// <summary>The entries the stored pack holds (key hex → payload; empty when there is none or it is damaged), in key order.</summary>
    internal static IReadOnlyList<KeyValuePair<string, byte[]>> StoredEntries(string cacheFolder)
    {
        var pack = Read(new ContentCache(Path.Combine(cacheFolder, SubFolder)));
        var entries = new List<KeyValuePair<string, byte[]>>(pack.Count);
        foreach (var key in pack.Keys)
        {
            pack.TryGetPage(key, out var payload);
            entries.Add(new KeyValuePair<string, byte[]>(key, payload.ToArray()));
        }

        return entries;
    }

    /// <summary>Stores <paramref name="entries"/> (key → payload) as the pack, as they are (tests store damaged entries).</summary>
    internal static void StoreRawEntries(string cacheFolder, IReadOnlyDictionary<CacheKey, byte[]> entries)
    {
        var pack = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var (key, payload) in entries)
        {
            pack[key.Hex] = payload;
        }

        new ContentCache(Path.Combine(cacheFolder, SubFolder)).Set(PackKey, VersionPagePack.Segments(pack));
    }

    public static CacheKey KeyOf(VersionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return CacheKey.Create("HistoricVersion", ToolVersion, inputs.Parts());
    }

    /// <summary>The stored content of <paramref name="key"/>; false on a miss (no such entry, or not one of this shape).</summary>
    public bool TryGet(CacheKey key, out HistoricContent content)
    {
        content = null!;
        ReadOnlyMemory<byte> entry;
        lock (_gate)
        {
            _stored ??= Read(_cache);
            if (!_stored.TryGetPage(key.Hex, out entry))
            {
                return false;
            }
        }

        if (!TryRead(entry.Span, out content))
        {
            return false;
        }

        lock (_gate)
        {
            _kept[key.Hex] = entry;
        }

        return true;
    }

    /// <summary>
    /// Keeps a content just rendered for the pack (<see cref="SaveEntriesOfThisBuild"/> writes it); one whose body is a
    /// string that UTF-8 cannot carry (a lone surrogate) is not kept.
    /// </summary>
    public void Set(CacheKey key, HistoricContent content)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>();
        buffer.ResetWrittenCount();
        if (TryWrite(buffer, content))
        {
            var entry = buffer.WrittenSpan.ToArray();
            lock (_gate)
            {
                _kept[key.Hex] = entry;
                _added = true;
            }
        }
    }

    /// <summary>
    /// Writes the entries this build read or rendered as the new pack, unless the stored pack holds exactly those
    /// entries (the build rendered none and used every stored one): then nothing is written. Afterwards the cache
    /// starts again from what is stored (the preview's next run looks its versions up in the pack just written).
    /// </summary>
    public void SaveEntriesOfThisBuild()
    {
        lock (_gate)
        {
            _stored ??= Read(_cache);
            if (_added || _kept.Count != _stored.Count)
            {
                _cache.Set(PackKey, VersionPagePack.Segments(_kept));
                // The folder holds the pack alone (a cache of the earlier form held one file per entry).
                _cache.RemoveEntriesExcept(new HashSet<string>(StringComparer.Ordinal) { PackKey.Hex });
                _stored = null;
            }

            _kept.Clear();
            _added = false;
        }
    }

    private static VersionPagePack Read(ContentCache cache) =>
        cache.TryGetPayload(PackKey, out var payload) && VersionPagePack.TryParse(payload, out var pack) ? pack : VersionPagePack.Empty;

    /// <summary>The payload <see cref="Set"/> stores for <paramref name="content"/>; null when it stores none.</summary>
    internal static byte[]? Serialize(HistoricContent content)
    {
        var buffer = new ArrayBufferWriter<byte>();
        return TryWrite(buffer, content) ? buffer.WrittenSpan.ToArray() : null;
    }

    /// <summary>Reads a payload <see cref="Set"/> stored; false when it is not one (not UTF-8, no body separator, not JSON of the shape).</summary>
    internal static bool TryRead(ReadOnlySpan<byte> entry, out HistoricContent content)
    {
        content = null!;
        var separator = entry.IndexOf(BodySeparator);
        if (separator < 0 || !Utf8.IsValid(entry))
        {
            return false;
        }

        HistoricContent? read;
        try
        {
            read = JsonSerializer.Deserialize(entry[..separator], VersionCacheJsonContext.Default.HistoricContent);
        }
        catch (JsonException)
        {
            return false;
        }

        if (read?.Family is not { } family)
        {
            return false;
        }

        // An empty body is the empty string, as the renders give it.
        var body = entry[(separator + 1)..];
        content = read with { Family = family with { BodyHtml = string.Empty, BodyHtmlUtf8 = body.IsEmpty ? null : body.ToArray() } };
        return true;
    }

    // The content without its body as JSON (source-generated metadata, default options: compact, the default encoder),
    // the separator, then the body the theme would place (BodyHtmlUtf8 when set, else BodyHtml) as UTF-8.
    private static bool TryWrite(ArrayBufferWriter<byte> buffer, HistoricContent content)
    {
        var family = content.Family;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, content with { Family = family with { BodyHtml = string.Empty, BodyHtmlUtf8 = null } }, VersionCacheJsonContext.Default.HistoricContent);
        }

        buffer.GetSpan(1)[0] = BodySeparator;
        buffer.Advance(1);
        if (family.BodyHtmlUtf8 is { } utf8)
        {
            buffer.Write(utf8);
            return true;
        }

        try
        {
            var written = StrictUtf8.GetBytes(family.BodyHtml, buffer.GetSpan(StrictUtf8.GetMaxByteCount(family.BodyHtml.Length)));
            buffer.Advance(written);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
