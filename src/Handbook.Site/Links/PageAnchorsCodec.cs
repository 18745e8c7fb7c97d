namespace Handbook.Site.Links;

using Handbook.Site.Caching;

/// <summary>
/// The bytes of a <see cref="StoredPageAnchors"/> entry: the tool identity that read the anchors, then for each page
/// text the SHA-256 of its UTF-16 code units and its anchors in the order the anchor set enumerates them (a set that
/// was only added to enumerates in insertion order, and the link check's case-insensitive match takes the first it
/// meets, so the order is part of what is stored). Strings are length-prefixed UTF-8 (<see cref="BinaryWriter"/>).
/// </summary>
public static class PageAnchorsCodec
{
    private const string Format = "page-anchors-1";

    public static byte[] Write(string toolIdentity, IEnumerable<KeyValuePair<string, string[]>> pages) =>
        HashKeyedPagesCodec.Write(Format, toolIdentity, NoHeader, pages, WriteAnchors);

    /// <summary>
    /// The pages stored in <paramref name="payload"/> when it was written by <paramref name="toolIdentity"/> (another
    /// tool may parse HTML differently); an empty map for another tool, another format or malformed bytes.
    /// </summary>
    public static Dictionary<string, string[]> Read(ReadOnlyMemory<byte> payload, string toolIdentity) =>
        HashKeyedPagesCodec.Read(payload, Format, toolIdentity, _ => true, ReadAnchors);

    private static void NoHeader(BinaryWriter writer)
    {
    }

    private static void WriteAnchors(BinaryWriter writer, string[] anchors)
    {
        writer.Write(anchors.Length);
        foreach (var anchor in anchors)
        {
            writer.Write(anchor);
        }
    }

    private static string[] ReadAnchors(BinaryReader reader)
    {
        var anchors = new string[reader.ReadInt32()];
        for (var j = 0; j < anchors.Length; j++)
        {
            anchors[j] = reader.ReadString();
        }

        return anchors;
    }
}
