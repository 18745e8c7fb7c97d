namespace Handbook.JobFamilies.Reuse;

using System.Buffers.Binary;
using Handbook.Pipeline.Buffers;

/// <summary>
/// A <see cref="FamilyState"/> as bytes: a header naming the format, the lengths of the model part and of the body (4
/// bytes each, little endian), the model part (<see cref="StoredFamily"/> in <see cref="StoredFamilyBinary"/>'s compact
/// form; JSON until the twenty-sixth session, format 3) and the body's UTF-8 bytes as they are, so a restored body is
/// the built one byte for byte and needs no decoding. Reading is total: anything that is
/// not such an entry (truncated, damaged, an older format) reads as false, never as a family with holes.
/// </summary>
/// <remarks>No I/O here: the caller (the build cache) stores and reads the bytes.</remarks>
public static class FamilyStateCodec
{
    // Bumped whenever the stored shape or its meaning changes, so an older entry is never read as a newer one.
    private static ReadOnlySpan<byte> Header => "handbook-family-state/4\n"u8;

    /// <summary>The state's stored bytes as one array; <see cref="Encode"/> gives the same bytes without joining them.</summary>
    public static byte[] Write(FamilyState state)
    {
        using var encoded = Encode(state);
        return encoded.ToArray();
    }

    /// <summary>
    /// The state's stored bytes in pieces (header and lengths, model part, body): the model part is written into a
    /// pooled buffer and the body is not copied, so storing a family allocates the stored model and no large arrays
    /// (issue 9: growing and joining one array per family was ≈ 0.5 MB of the large object heap each at N = 1000).
    /// </summary>
    public static EncodedFamilyState Encode(FamilyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var stored = StoredFamilyMapping.ToStored(state);
        var model = new PooledBufferWriter();
        try
        {
            StoredFamilyBinary.Write(stored, model);

            var prefix = new byte[Header.Length + (2 * sizeof(int))];
            Header.CopyTo(prefix);
            BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(Header.Length, sizeof(int)), model.WrittenCount);
            BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(Header.Length + sizeof(int), sizeof(int)), state.BodyUtf8.Length);
            return new EncodedFamilyState(prefix, model, state.BodyUtf8);
        }
        catch
        {
            model.Dispose();
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
        var modelLength = BinaryPrimitives.ReadInt32LittleEndian(rest);
        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(rest[sizeof(int)..]);
        rest = rest[(2 * sizeof(int))..];
        // Both lengths must account for every byte: a truncated or extended entry is not one Write made.
        if (modelLength < 0 || bodyLength < 0 || (long)modelLength + bodyLength != rest.Length)
        {
            return false;
        }

        try
        {
            var stored = StoredFamilyBinary.Read(rest[..modelLength]);
            state = StoredFamilyMapping.FromStored(stored, rest[modelLength..].ToArray());
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }
}
