namespace Handbook.JobFamilies.Stages;

using System.Buffers;
using System.IO.Compression;
using System.Text;

/// <summary>
/// A text kept Deflate-compressed as UTF-8 while nothing reads it (issue 9, peak memory): a rendered body between its
/// batch and its page (<see cref="DeferredBody.FromRendered"/>; bodies repeat themselves – inherited bullets carry the
/// same attributes and "from" links – and shrink ≈ 15 times at synthetic N = 10000), and the Markdown of a page whose
/// batch is done, for a batch that reads it again (<see cref="ProcessFamiliesInBatches"/>). Exact: a text UTF-8 cannot
/// hold (an unpaired surrogate) is kept as it is.
/// </summary>
internal sealed class CompressedText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The decompressed text, per thread: valid until the next text is decompressed into it on this thread.
    [ThreadStatic]
    private static char[]? t_chars;

    // The compressed bytes of the text this thread compressed last (Deflate).
    [ThreadStatic]
    private static MemoryStream? t_output;

    private readonly byte[]? _deflated;
    private readonly int _utf8Length;
    private readonly string? _asIs;

    // A text kept in a spool instead of _deflated: where its compressed bytes are, and how many.
    private readonly ICompressedTextSpool? _spool;
    private readonly long _spoolOffset;
    private readonly int _spooledLength;

    private CompressedText(byte[]? deflated, int utf8Length, string? asIs)
    {
        _deflated = deflated;
        _utf8Length = utf8Length;
        _asIs = asIs;
    }

    private CompressedText(ICompressedTextSpool spool, long offset, int length, int utf8Length)
    {
        _spool = spool;
        _spoolOffset = offset;
        _spooledLength = length;
        _utf8Length = utf8Length;
    }

    /// <summary>Bytes of the compressed text (in the spool or on the heap), or twice the characters of a text kept as it is.</summary>
    public long Size => _asIs is not null ? 2L * _asIs.Length : _spool is not null ? _spooledLength : _deflated!.Length;

    /// <summary>Whether the compressed bytes are in a spool (off the heap).</summary>
    public bool IsSpooled => _spool is not null;

    /// <summary>
    /// <paramref name="text"/> compressed, its bytes written to <paramref name="spool"/> when there is one (a text kept
    /// as it is stays on the heap: it is rare).
    /// </summary>
    public static CompressedText Of(ReadOnlySpan<char> text, ICompressedTextSpool? spool)
    {
        if (spool is null)
        {
            return Of(text);
        }

        // Straight from this thread's compression buffer into the spool: no array per text that dies once written.
        if (Deflate(text) is not { } deflated)
        {
            return new CompressedText(deflated: null, 0, text.ToString());
        }

        var bytes = deflated.Output.GetBuffer().AsSpan(0, (int)deflated.Output.Length);
        return new CompressedText(spool, spool.Add(bytes), bytes.Length, deflated.Utf8Length);
    }

    public static CompressedText Of(ReadOnlySpan<char> text) =>
        Deflate(text) is { } deflated
            ? new CompressedText(deflated.Output.ToArray(), deflated.Utf8Length, asIs: null)
            : new CompressedText(deflated: null, 0, text.ToString());

    /// <summary>
    /// <paramref name="text"/>'s UTF-8 Deflate-compressed into this thread's output buffer (valid until the thread
    /// compresses the next text), with the UTF-8 length; null when UTF-8 cannot hold the text (an unpaired surrogate).
    /// </summary>
    /// <remarks>
    /// One growing buffer per thread instead of a stream per text sized at an eighth of it: a text that compressed
    /// less grew its stream by copies, and the stream's array was copied once more into the result (issue 9).
    /// </remarks>
    private static (MemoryStream Output, int Utf8Length)? Deflate(ReadOnlySpan<char> text)
    {
        byte[]? utf8 = null;
        try
        {
            utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            var length = StrictUtf8.GetBytes(text, utf8);
            var output = t_output ??= new MemoryStream(64 * 1024);
            output.SetLength(0);
            using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                deflate.Write(utf8, 0, length);
            }

            return (output, length);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
        finally
        {
            if (utf8 is not null)
            {
                ArrayPool<byte>.Shared.Return(utf8);
            }
        }
    }

    /// <summary>The text in this thread's buffer: use it before the next text is decompressed on this thread.</summary>
    public ReadOnlyMemory<char> DecompressBuffered()
    {
        if (_asIs is not null)
        {
            return _asIs.AsMemory();
        }

        var chars = t_chars is { } kept && kept.Length >= _utf8Length ? kept : t_chars = new char[Math.Max(_utf8Length, 16 * 1024)];
        return chars.AsMemory(0, DecompressInto(chars));
    }

    /// <summary>The text as a string of its own.</summary>
    public string Decompress()
    {
        if (_asIs is not null)
        {
            return _asIs;
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, _utf8Length));
        try
        {
            return new string(chars, 0, DecompressInto(chars));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private int DecompressInto(char[] chars)
    {
        if (_utf8Length == 0)
        {
            return 0;
        }

        var utf8 = ArrayPool<byte>.Shared.Rent(_utf8Length);
        var spooled = _spool is null ? null : ArrayPool<byte>.Shared.Rent(_spooledLength);
        try
        {
            if (spooled is not null)
            {
                _spool!.Read(_spoolOffset, spooled.AsSpan(0, _spooledLength));
            }

            var deflated = spooled is null ? new MemoryStream(_deflated!, writable: false) : new MemoryStream(spooled, 0, _spooledLength, writable: false);
            using (var input = new DeflateStream(deflated, CompressionMode.Decompress))
            {
                input.ReadExactly(utf8, 0, _utf8Length);
            }

            return Encoding.UTF8.GetChars(utf8, 0, _utf8Length, chars, 0);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
            if (spooled is not null)
            {
                ArrayPool<byte>.Shared.Return(spooled);
            }
        }
    }
}
