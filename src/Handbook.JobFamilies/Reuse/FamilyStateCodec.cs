namespace Handbook.JobFamilies.Reuse;

using System.Buffers.Binary;
using System.Text.Json;
using Handbook.Pipeline.Buffers;

/// <summary>
/// A <see cref="FamilyState"/> as bytes: a header naming the format, the lengths of the JSON part and of the body (4
/// bytes each, little endian), the JSON part (<see cref="StoredFamily"/>, source-generated metadata) and the body's UTF-8 bytes as they
/// are, so a restored body is the built one byte for byte and needs no decoding. Reading is total: anything that is
/// not such an entry (truncated, damaged, an older format) reads as false, never as a family with holes.
/// </summary>
/// <remarks>No I/O here: the caller (the build cache) stores and reads the bytes.</remarks>
public static class FamilyStateCodec
{
    // Bumped whenever the stored shape or its meaning changes, so an older entry is never read as a newer one.
    private static ReadOnlySpan<byte> Header => "handbook-family-state/3\n"u8;

    /// <summary>The state's stored bytes as one array; <see cref="Encode"/> gives the same bytes without joining them.</summary>
    public static byte[] Write(FamilyState state)
    {
        using var encoded = Encode(state);
        return encoded.ToArray();
    }

    /// <summary>
    /// The state's stored bytes in pieces (header and lengths, JSON part, body): the JSON part is serialised into a
    /// pooled buffer and the body is not copied, so storing a family allocates the stored model and no large arrays
    /// (issue 9: growing and joining one array per family was ≈ 0.5 MB of the large object heap each at N = 1000).
    /// </summary>
    public static EncodedFamilyState Encode(FamilyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var stored = StoredFamilyMapping.ToStored(state);
        var json = new PooledBufferWriter();
        try
        {
            using (var writer = new Utf8JsonWriter(json))
            {
                JsonSerializer.Serialize(writer, stored, FamilyStateJsonContext.Default.StoredFamily);
            }

            var prefix = new byte[Header.Length + (2 * sizeof(int))];
            Header.CopyTo(prefix);
            BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(Header.Length, sizeof(int)), json.WrittenCount);
            BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(Header.Length + sizeof(int), sizeof(int)), state.BodyUtf8.Length);
            return new EncodedFamilyState(prefix, json, state.BodyUtf8);
        }
        catch
        {
            json.Dispose();
            throw;
        }
    }

    /// <summary>The state <see cref="Write"/> stored in <paramref name="bytes"/>; false when they are not such an entry.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out FamilyState state)
    {
        state = null!;
        if (!bytes.StartsWith(Header) || bytes.Length < Header.Length + (2 * sizeof(int)))
        {
            return false;
        }

        var rest = bytes[Header.Length..];
        var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(rest);
        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(rest[sizeof(int)..]);
        rest = rest[(2 * sizeof(int))..];
        // Both lengths must account for every byte: a truncated or extended entry is not one Write made.
        if (jsonLength < 0 || bodyLength < 0 || (long)jsonLength + bodyLength != rest.Length)
        {
            return false;
        }

        try
        {
            var stored = JsonSerializer.Deserialize(rest[..jsonLength], FamilyStateJsonContext.Default.StoredFamily);
            if (stored is null)
            {
                return false;
            }

            state = StoredFamilyMapping.FromStored(stored, rest[jsonLength..].ToArray());
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            return false;
        }
    }
}
