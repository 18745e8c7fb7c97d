namespace Handbook.JobFamilies.Reuse;

using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;

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
    private static ReadOnlySpan<byte> Header => "handbook-family-state/1\n"u8;

    public static byte[] Write(FamilyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(Header);
        var lengthSlot = buffer.WrittenCount;
        buffer.GetSpan(2 * sizeof(int))[..(2 * sizeof(int))].Clear();
        buffer.Advance(2 * sizeof(int));
        var jsonStart = buffer.WrittenCount;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, StoredFamilyMapping.ToStored(state), FamilyStateJsonContext.Default.StoredFamily);
        }

        var jsonLength = buffer.WrittenCount - jsonStart;
        buffer.Write(state.BodyUtf8);
        var bytes = buffer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(lengthSlot, sizeof(int)), jsonLength);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(lengthSlot + sizeof(int), sizeof(int)), state.BodyUtf8.Length);
        return bytes;
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
