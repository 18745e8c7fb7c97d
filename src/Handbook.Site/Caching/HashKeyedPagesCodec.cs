namespace Handbook.Site.Caching;

using System.Text;

/// <summary>
/// The frame the build cache's per-page entries share (page anchors, CSP facts): a format name, the tool identity, the
/// entry's own header fields, then a count and each page's hash key followed by its value, keys in ordinal order so
/// equal maps give equal bytes. Strings are length-prefixed UTF-8 (<see cref="BinaryWriter"/>). Each entry says what
/// its key hashes and how its value is written (<see cref="Links.PageAnchorsCodec"/>, <see cref="Security.PageResourcesCodec"/>);
/// the frame's reading rules – another format or tool, a header that does not match, malformed bytes or bytes left
/// over give an empty map, so every page is read again – are the same for both and live here once.
/// </summary>
public static class HashKeyedPagesCodec
{
    public static byte[] Write<T>(
        string format,
        string toolIdentity,
        Action<BinaryWriter> writeHeader,
        IEnumerable<KeyValuePair<string, T>> pages,
        Action<BinaryWriter, T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(toolIdentity);
        ArgumentNullException.ThrowIfNull(writeHeader);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(writeValue);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(format);
            writer.Write(toolIdentity);
            writeHeader(writer);
            var ordered = pages.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            writer.Write(ordered.Count);
            foreach (var (key, value) in ordered)
            {
                writer.Write(key);
                writeValue(writer, value);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The pages in <paramref name="payload"/> when it has <paramref name="format"/>, was written by
    /// <paramref name="toolIdentity"/> and <paramref name="headerMatches"/> accepts its own header fields; else, or for
    /// malformed bytes, an empty map.
    /// </summary>
    public static Dictionary<string, T> Read<T>(
        ReadOnlyMemory<byte> payload,
        string format,
        string toolIdentity,
        Func<BinaryReader, bool> headerMatches,
        Func<BinaryReader, T> readValue)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(toolIdentity);
        ArgumentNullException.ThrowIfNull(headerMatches);
        ArgumentNullException.ThrowIfNull(readValue);
        var pages = new Dictionary<string, T>(StringComparer.Ordinal);
        try
        {
            using var stream = new MemoryStream(payload.ToArray(), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != format || reader.ReadString() != toolIdentity || !headerMatches(reader))
            {
                return pages;
            }

            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                pages[key] = readValue(reader);
            }

            return stream.Position == stream.Length ? pages : [];
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or OverflowException or DecoderFallbackException)
        {
            // Malformed (the entry's checksum makes this a format bug, not damage): read every page again.
            return [];
        }
    }
}
