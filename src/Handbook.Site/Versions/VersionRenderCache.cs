namespace Handbook.Site.Versions;

using System.Buffers;
using System.Reflection;
using System.Text.Json;
using System.Text.Unicode;
using Handbook.Pipeline.Caching;

/// <summary>
/// The render cache of versions: <see cref="HistoricContent"/> as JSON in the engine's <see cref="ContentCache"/>
/// (subfolder <c>versions/</c> of <c>--cache DIR</c>), content-addressed by everything a version's rendering reads:
/// its page blob and path, the grade-data blob, the blobs of the pages it links to (extends targets) and of the
/// commit's partials, the theme's hash and the tool version. A truncated or corrupted entry is dropped by the
/// engine's check; an entry that is not valid JSON of the current shape is a miss as well. Either way it is rendered again.
/// </summary>
public sealed class VersionRenderCache(string cacheFolder)
{
    public const string SubFolder = "versions";

    // Bump when HistoricContent or the way it is produced changes (on top of the assembly version).
    private const string PayloadVersion = "1";

    private static readonly string ToolVersion =
        (typeof(VersionRenderCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0") + "/" + PayloadVersion;

    // One serialisation buffer per thread (commit batches store their entries in parallel), reused for every entry:
    // an entry is ~2-3 times its page's body (the default encoder escapes '<' and '>'), and serialising to a string
    // and encoding that again allocated three copies of each (issue 9).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private readonly ContentCache _cache = new(Path.Combine(cacheFolder, SubFolder));

    public CacheStatistics Statistics => _cache.Statistics;

    /// <summary>The entry file of a key (tests corrupt it on purpose).</summary>
    public string PathOf(CacheKey key) => _cache.PathOf(key);

    public static CacheKey KeyOf(VersionInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return CacheKey.Create("HistoricVersion", ToolVersion, inputs.Parts());
    }

    public bool TryGet(CacheKey key, out HistoricContent content)
    {
        content = null!;
        // Not UTF-8: not an entry of this cache (as when it was read as a string).
        if (!_cache.TryGet(key, out var json) || !Utf8.IsValid(json))
        {
            return false;
        }

        try
        {
            content = JsonSerializer.Deserialize(json, VersionCacheJsonContext.Default.HistoricContent)!;
            return content is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Set(CacheKey key, HistoricContent content)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>();
        buffer.ResetWrittenCount();
        WriteJson(buffer, content);
        _cache.Set(key, buffer.WrittenSpan);
    }

    /// <summary>The bytes <see cref="Set"/> stores for <paramref name="content"/> (tests compare them with the reflection serialiser's).</summary>
    internal static byte[] Serialize(HistoricContent content)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteJson(buffer, content);
        return buffer.WrittenSpan.ToArray();
    }

    // Default writer options, as JsonSerializer.Serialize(content) had: compact, the default encoder.
    private static void WriteJson(ArrayBufferWriter<byte> buffer, HistoricContent content)
    {
        using var writer = new Utf8JsonWriter(buffer);
        JsonSerializer.Serialize(writer, content, VersionCacheJsonContext.Default.HistoricContent);
    }
}
