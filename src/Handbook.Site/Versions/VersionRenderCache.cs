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
/// partials, the theme's hash, the tool version and what the family view reads of the build (the departments' titles,
/// <see cref="Theming.PageViews.FamilyViewSurroundings"/>). An entry is the content as JSON without its body, a NUL byte
/// (never part of JSON text) and the body as UTF-8, read back as <see cref="FamilyView.BodyHtmlUtf8"/>: the body, most
/// of an entry, is neither escaped into the JSON nor decoded into a string (issue 9). An entry that is not of this
/// shape is a miss; it is rendered again.
/// </summary>
/// <remarks>
/// The entries of a build are one pack (<see cref="KeptPack"/>): read once when the first version is looked up, written
/// once when the build's versions are known (<see cref="SaveEntriesOfThisBuild"/>), not at all when the build used
/// exactly the entries it holds. One file per entry (the form before the twenty-first session) cost a cold versioned
/// build a fan-out folder, a temporary file and a rename for each rendered version (the replayed history: 78 files in
/// 72 folders). A cache problem is never a build error. Safe to use from the parallel commit batches.
/// </remarks>
public sealed class VersionRenderCache(string cacheFolder)
{
    public const string SubFolder = "versions";

    // Bump when HistoricContent or the way it is produced or stored changes (on top of the assembly version).
    // 2: the body after the JSON as UTF-8 bytes.
    private const string PayloadVersion = "2";

    private const byte BodySeparator = 0;

    // Bump the version when the pack's layout changes: an old pack is then never read.
    private const string PackVersion = "pack-1";

    private static readonly string ToolVersion =
        (typeof(VersionRenderCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0") + "/" + PayloadVersion;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // One buffer per thread (commit batches store their entries in parallel), reused for every entry (issue 9).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly KeptPack _pack = PackOf(cacheFolder);

    public CacheStatistics Statistics => _pack.Statistics;

    /// <summary>The file the pack lives in (tests damage it on purpose).</summary>
    public static string PackPath(string cacheFolder) => PackOf(cacheFolder).PackPath;

    /// <summary>The entries the stored pack holds (key hex → payload; empty when there is none or it is damaged), in key order.</summary>
    internal static IReadOnlyList<KeyValuePair<string, byte[]>> StoredEntries(string cacheFolder)
    {
        var pack = PackOf(cacheFolder).Stored();
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

        PackOf(cacheFolder).StoreRaw(pack);
    }

    /// <param name="surroundings">What the content reads of the build besides its inputs (<see cref="Theming.PageViews.FamilyViewSurroundings"/>).</param>
    public static CacheKey KeyOf(VersionInputs inputs, string surroundings)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(surroundings);
        return CacheKey.Create("HistoricVersion", ToolVersion, [surroundings, .. inputs.Parts()]);
    }

    /// <summary>The stored content of <paramref name="key"/>; false on a miss (no such entry, or not one of this shape).</summary>
    public bool TryGet(CacheKey key, out HistoricContent content)
    {
        content = null!;
        if (!_pack.TryFind(key.Hex, out var entry) || !TryRead(entry.Span, out content))
        {
            return false;
        }

        _pack.Keep(key.Hex, entry);
        return true;
    }

    /// <summary>Keeps the stored entry of <paramref name="key"/>, if any, for the next build without reading it (a content this build did not need).</summary>
    public void Keep(CacheKey key) => _pack.KeepIfStored(key.Hex);

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
            _pack.Add(key.Hex, buffer.WrittenSpan.ToArray());
        }
    }

    /// <summary>
    /// Writes the entries this build read or rendered as the new pack, unless the stored pack holds exactly those
    /// entries (the build rendered none and used every stored one): then nothing is written. Afterwards the cache
    /// starts again from what is stored (the preview's next run looks its versions up in the pack just written).
    /// </summary>
    public void SaveEntriesOfThisBuild() => _pack.Save();

    private static KeptPack PackOf(string cacheFolder) => new(Path.Combine(cacheFolder, SubFolder), nameof(VersionRenderCache), PackVersion);

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
