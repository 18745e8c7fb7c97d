namespace Handbook.Site.Links;

using System.Text;

/// <summary>
/// The bytes of a <see cref="StoredPageAnchors"/> entry: the tool identity that read the anchors, then for each page
/// text the SHA-256 of its UTF-16 code units and its anchors in the order the anchor set enumerates them (a set that
/// was only added to enumerates in insertion order, and the link check's case-insensitive match takes the first it
/// meets, so the order is part of what is stored). Strings are length-prefixed UTF-8 (<see cref="BinaryWriter"/>).
/// </summary>
public static class PageAnchorsCodec
{
    private const string Format = "page-anchors-1";

    public static byte[] Write(string toolIdentity, IEnumerable<KeyValuePair<string, string[]>> pages)
    {
        ArgumentNullException.ThrowIfNull(toolIdentity);
        ArgumentNullException.ThrowIfNull(pages);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(toolIdentity);
            var ordered = pages.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            writer.Write(ordered.Count);
            foreach (var (textHash, anchors) in ordered)
            {
                writer.Write(textHash);
                writer.Write(anchors.Length);
                foreach (var anchor in anchors)
                {
                    writer.Write(anchor);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The pages stored in <paramref name="payload"/> when it was written by <paramref name="toolIdentity"/> (another
    /// tool may parse HTML differently); an empty map for another tool, another format or malformed bytes.
    /// </summary>
    public static Dictionary<string, string[]> Read(ReadOnlyMemory<byte> payload, string toolIdentity)
    {
        ArgumentNullException.ThrowIfNull(toolIdentity);
        var pages = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var stream = new MemoryStream(payload.ToArray(), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Format || reader.ReadString() != toolIdentity)
            {
                return pages;
            }

            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var textHash = reader.ReadString();
                var anchors = new string[reader.ReadInt32()];
                for (var j = 0; j < anchors.Length; j++)
                {
                    anchors[j] = reader.ReadString();
                }

                pages[textHash] = anchors;
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
