namespace Handbook.Site.Caching;

using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Handbook.Site.Theming.Views;

/// <summary>
/// What the keys of cached pages – finished version and history pages (<see cref="Versions.VersionPageKeys"/>) and
/// current family and compare pages (<see cref="ThemePageKeys"/>) – add to their hash for a view and for a family's
/// body, so both key the same value the same way.
/// </summary>
internal static class PageKeyHash
{
    // Each view's JSON is written here and hashed from here: one buffer per thread (family pages are keyed in parallel)
    // instead of an array per view and page (issue 9: ≈ 1.4 MiB per cold versioned build of the replayed history). The
    // bytes hashed are those JsonSerializer.SerializeToUtf8Bytes gives.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_json;

    /// <summary>Adds <paramref name="value"/>'s JSON (<see cref="PageKeyJsonContext"/>'s default options) as one part of the key.</summary>
    public static void AddView<T>(IncrementalHash hash, T value, JsonTypeInfo<T> typeInfo)
    {
        var json = t_json ??= new ArrayBufferWriter<byte>();
        json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(json))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        BuildFingerprint.Add(hash, json.WrittenSpan);
    }

    /// <summary>
    /// Adds a family view's body: the form it is kept in (a string or UTF-8 bytes – a template sees a different value for
    /// each) and its UTF-8 bytes. False for a body UTF-8 cannot carry (a lone surrogate): such a page has no key and is
    /// rendered.
    /// </summary>
    public static bool TryAddFamilyBody(IncrementalHash hash, FamilyView family)
    {
        if (family.BodyHtmlUtf8 is { } utf8)
        {
            BuildFingerprint.Add(hash, "utf8");
            BuildFingerprint.Add(hash, utf8);
            return true;
        }

        BuildFingerprint.Add(hash, "string");
        // A pooled buffer: a new array of three times each body was ≈ 10 MiB per versioned build of the replayed history
        // once the page cache ran under every --cache (issue 9).
        var bytes = ArrayPool<byte>.Shared.Rent(checked(family.BodyHtml.Length * 3));
        try
        {
            if (Utf8.FromUtf16(family.BodyHtml, bytes, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return false;
            }

            BuildFingerprint.Add(hash, bytes.AsSpan(0, written));
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
