namespace Handbook.Site.Security;

using Handbook.Site.Caching;

/// <summary>
/// The bytes of a <see cref="StoredPageResources"/> entry: the tool identity and the site origin the facts were read
/// with, then for each page (the SHA-256 of its UTF-8 bytes, as hex) its <see cref="PageResources"/>: each set as a count
/// and its strings in ordinal order (the policy sorts what it unions, so a set's order carries nothing), and the
/// inline-styles flag. Strings are length-prefixed UTF-8 (<see cref="BinaryWriter"/>).
/// </summary>
public static class PageResourcesCodec
{
    private const string Format = "page-resources-1";

    public static byte[] Write(string toolIdentity, string? siteOrigin, IEnumerable<KeyValuePair<string, PageResources>> pages) =>
        HashKeyedPagesCodec.Write(Format, toolIdentity, writer => WriteOrigin(writer, siteOrigin), pages, WriteResources);

    /// <summary>
    /// The pages stored in <paramref name="payload"/> when it was written by <paramref name="toolIdentity"/> for
    /// <paramref name="siteOrigin"/> (another tool may read pages differently; another origin makes other sources
    /// <c>'self'</c>); an empty map for another tool, origin or format, or malformed bytes.
    /// </summary>
    public static Dictionary<string, PageResources> Read(ReadOnlyMemory<byte> payload, string toolIdentity, string? siteOrigin) =>
        HashKeyedPagesCodec.Read(payload, Format, toolIdentity, reader => OriginMatches(reader, siteOrigin), ReadResources);

    private static void WriteOrigin(BinaryWriter writer, string? siteOrigin)
    {
        writer.Write(siteOrigin is not null);
        writer.Write(siteOrigin ?? string.Empty);
    }

    private static bool OriginMatches(BinaryReader reader, string? siteOrigin)
    {
        var hasOrigin = reader.ReadBoolean();
        var origin = reader.ReadString();
        return hasOrigin == siteOrigin is not null && (!hasOrigin || origin == siteOrigin);
    }

    private static void WriteResources(BinaryWriter writer, PageResources resources)
    {
        WriteSet(writer, resources.Scripts);
        WriteSet(writer, resources.Styles);
        WriteSet(writer, resources.Images);
        WriteSet(writer, resources.Frames);
        WriteSet(writer, resources.FormTargets);
        WriteSet(writer, resources.Connects);
        writer.Write(resources.InlineStyles);
    }

    private static PageResources ReadResources(BinaryReader reader) => new()
    {
        Scripts = ReadSet(reader),
        Styles = ReadSet(reader),
        Images = ReadSet(reader),
        Frames = ReadSet(reader),
        FormTargets = ReadSet(reader),
        Connects = ReadSet(reader),
        InlineStyles = reader.ReadBoolean(),
    };

    private static void WriteSet(BinaryWriter writer, IReadOnlySet<string> set)
    {
        writer.Write(set.Count);
        foreach (var item in set.Order(StringComparer.Ordinal))
        {
            writer.Write(item);
        }
    }

    private static HashSet<string> ReadSet(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new OverflowException("negative set size");
        }

        var set = new HashSet<string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            set.Add(reader.ReadString());
        }

        return set;
    }
}
