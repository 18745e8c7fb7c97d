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
        var reader = new Reader(bytes);
        var texts = new string[reader.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = pool.Get(reader.Next(out _));
        }

        reader.EnsureAtEnd();
        return texts;
    }

    /// <summary>Reads the texts <see cref="Write"/> wrote, in order, as spans of the bytes (no string made).</summary>
    public ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private int _at;

        public Reader(ReadOnlySpan<byte> bytes)
        {
            _bytes = bytes;
            Count = BinaryPrimitives.ReadInt32LittleEndian(bytes);
            _at = sizeof(int);
        }

        /// <summary>How many texts were written.</summary>
        public int Count { get; }

        /// <summary>The next text; <paramref name="offset"/> is where its code units start in the bytes.</summary>
        public ReadOnlySpan<char> Next(out int offset)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(_bytes[_at..]) * sizeof(char);
            offset = _at + sizeof(int);
            _at = offset + length;
            return MemoryMarshal.Cast<byte, char>(_bytes.Slice(offset, length));
        }

        /// <summary>Throws when bytes follow the last text (a damaged spool).</summary>
        public readonly void EnsureAtEnd()
        {
            if (_at != _bytes.Length)
            {
                throw new InvalidDataException($"{_bytes.Length - _at} bytes follow the spooled texts.");
            }
        }
    }

    private static void WriteInt(ArrayBufferWriter<byte> target, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(target.GetSpan(sizeof(int)), value);
        target.Advance(sizeof(int));
    }
}
