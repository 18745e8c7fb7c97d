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
/// of an entry, is neither escaped into the JSON nor decoded into a string (issue 9). A truncated or corrupted entry
/// is dropped by the engine's check; an entry that is not of this shape is a miss as well. Either way it is rendered again.
/// </summary>
public sealed class VersionRenderCache(string cacheFolder)
{
    public const string SubFolder = "versions";

    // Bump when HistoricContent or the way it is produced or stored changes (on top of the assembly version).
    // 2: the body after the JSON as UTF-8 bytes.
    private const string PayloadVersion = "2";

    private const byte BodySeparator = 0;

    private static readonly string ToolVersion =
        (typeof(VersionRenderCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0") + "/" + PayloadVersion;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // One buffer per thread (commit batches store their entries in parallel), reused for every entry (issue 9).
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
        if (!_cache.TryGet(key, out var entry))
        {
            return false;
        }

        return TryRead(entry, out content);
    }

    /// <summary>Stores a content; one whose body is a string that UTF-8 cannot carry (a lone surrogate) is not stored.</summary>
    public void Set(CacheKey key, HistoricContent content)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>();
        buffer.ResetWrittenCount();
        if (TryWrite(buffer, content))
        {
            _cache.Set(key, buffer.WrittenSpan);
        }
    }

    /// <summary>The payload <see cref="Set"/> stores for <paramref name="content"/>; null when it stores none.</summary>
    internal static byte[]? Serialize(HistoricContent content)
    {
        var buffer = new ArrayBufferWriter<byte>();
        return TryWrite(buffer, content) ? buffer.WrittenSpan.ToArray() : null;
    }

    /// <summary>Reads a payload <see cref="Set"/> stored; false when it is not one (not UTF-8, no body separator, not JSON of the shape).</summary>
    internal static bool TryRead(byte[] entry, out HistoricContent content)
    {
        content = null!;
        var separator = entry.AsSpan().IndexOf(BodySeparator);
        if (separator < 0 || !Utf8.IsValid(entry))
        {
            return false;
        }

        HistoricContent? read;
        try
        {
            read = JsonSerializer.Deserialize(entry.AsSpan(0, separator), VersionCacheJsonContext.Default.HistoricContent);
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
        var body = entry.AsSpan(separator + 1);
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
