namespace Handbook.Site.Stages;

using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

/// <summary>
/// A list of strings as the bytes <see cref="PerFamilyOutputs"/> spools (<see cref="FragmentSpool"/>) for a family's
/// search texts: the count, then each text's length and its UTF-16 code units as they are in memory. Not UTF-8: the
/// texts come back exactly as they went, whatever they hold (a lone surrogate too), and nothing is encoded or decoded.
/// </summary>
public static class SpooledTexts
{
    /// <summary>Writes <paramref name="texts"/> into <paramref name="target"/> (cleared first).</summary>
    public static void Write(IReadOnlyList<string> texts, ArrayBufferWriter<byte> target)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(target);
        target.ResetWrittenCount();
        WriteInt(target, texts.Count);
        foreach (var text in texts)
        {
            WriteInt(target, text.Length);
            target.Write(MemoryMarshal.AsBytes(text.AsSpan()));
        }
    }

    /// <summary>The texts <see cref="Write"/> wrote into <paramref name="bytes"/>, each the string <paramref name="pool"/> has for it.</summary>
    public static string[] Read(ReadOnlySpan<byte> bytes, TextPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var texts = new string[ReadInt(ref bytes)];
        for (var i = 0; i < texts.Length; i++)
        {
            var length = ReadInt(ref bytes) * sizeof(char);
            texts[i] = pool.Get(MemoryMarshal.Cast<byte, char>(bytes[..length]));
            bytes = bytes[length..];
        }

        if (!bytes.IsEmpty)
        {
            throw new InvalidDataException($"{bytes.Length} bytes follow the spooled texts.");
        }

        return texts;
    }

    private static void WriteInt(ArrayBufferWriter<byte> target, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(target.GetSpan(sizeof(int)), value);
        target.Advance(sizeof(int));
    }

    private static int ReadInt(ref ReadOnlySpan<byte> bytes)
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        bytes = bytes[sizeof(int)..];
        return value;
    }
}
