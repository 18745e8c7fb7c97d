namespace Handbook.Site.Versions;

using System.Buffers;
using System.Buffers.Binary;

/// <summary>
/// The pages of one build's <see cref="VersionPageCache"/> – or the entries of its <see cref="VersionRenderCache"/>,
/// each kept as the bytes it is – as one payload: <c>count | count × (key, length) | pages</c>
/// – the count and lengths as 32-bit little-endian integers, each key as the 32 bytes of its SHA-256, the pages' UTF-8
/// bytes one after the other in the index's order. Keys are written in ordinal order of their hex form, so the same
/// pages always give the same bytes.
/// </summary>
internal sealed class VersionPagePack
{
    private const int KeyLength = 32;
    private const int IndexEntryLength = KeyLength + sizeof(int);

    private readonly Dictionary<string, ReadOnlyMemory<byte>> _pages;

    private VersionPagePack(Dictionary<string, ReadOnlyMemory<byte>> pages) => _pages = pages;

    public static VersionPagePack Empty { get; } = new(new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal));

    public int Count => _pages.Count;

    /// <summary>The keys (hex) in ordinal order.</summary>
    public IReadOnlyList<string> Keys => [.. _pages.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The page stored under <paramref name="keyHex"/>: a slice of the payload the pack was read from.</summary>
    public bool TryGetPage(string keyHex, out ReadOnlyMemory<byte> page) => _pages.TryGetValue(keyHex, out page);

    /// <summary>
    /// The payload of <paramref name="pages"/> (key hex → UTF-8 bytes; keys are SHA-256 hex) as the index followed by
    /// the pages' own buffers, for <see cref="Handbook.Pipeline.Caching.ContentCache.Set(Handbook.Pipeline.Caching.CacheKey, IReadOnlyList{ReadOnlyMemory{byte}})"/>
    /// to hash and write without joining them.
    /// </summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Segments(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var keys = pages.Keys.Order(StringComparer.Ordinal).ToList();
        var index = new byte[sizeof(int) + (keys.Count * IndexEntryLength)];
        BinaryPrimitives.WriteInt32LittleEndian(index, keys.Count);
        var segments = new List<ReadOnlyMemory<byte>>(keys.Count + 1) { index };
        for (var i = 0; i < keys.Count; i++)
        {
            var entry = index.AsSpan(sizeof(int) + (i * IndexEntryLength), IndexEntryLength);
            if (Convert.FromHexString(keys[i], entry[..KeyLength], out _, out var written) != OperationStatus.Done || written != KeyLength)
            {
                throw new ArgumentException($"'{keys[i]}' is not the hex form of a SHA-256", nameof(pages));
            }

            var page = pages[keys[i]];
            BinaryPrimitives.WriteInt32LittleEndian(entry[KeyLength..], page.Length);
            segments.Add(page);
        }

        return segments;
    }

    /// <summary>
    /// Reads a payload <see cref="Segments"/> wrote; false when it is not one (an index that does not account for every
    /// byte exactly, a key twice). The pages are slices of <paramref name="payload"/>, not copies.
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> payload, out VersionPagePack pack)
    {
        pack = Empty;
        if (payload.Length < sizeof(int))
        {
            return false;
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(payload.Span);
        if (count < 0 || count > (payload.Length - sizeof(int)) / IndexEntryLength)
        {
            return false;
        }

        var pages = new Dictionary<string, ReadOnlyMemory<byte>>(count, StringComparer.Ordinal);
        long offset = sizeof(int) + ((long)count * IndexEntryLength);
        for (var i = 0; i < count; i++)
        {
            var entry = payload.Span.Slice(sizeof(int) + (i * IndexEntryLength), IndexEntryLength);
            var length = BinaryPrimitives.ReadInt32LittleEndian(entry[KeyLength..]);
            if (length < 0 || offset + length > payload.Length
                || !pages.TryAdd(Convert.ToHexStringLower(entry[..KeyLength]), payload.Slice((int)offset, length)))
            {
                return false;
            }

            offset += length;
        }

        if (offset != payload.Length)
        {
            return false;
        }

        pack = new VersionPagePack(pages);
        return true;
    }
}
