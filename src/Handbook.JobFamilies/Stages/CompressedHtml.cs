namespace Handbook.JobFamilies.Stages;

using System.Buffers;
using System.IO.Compression;
using System.Text;

/// <summary>
/// A rendered body kept Deflate-compressed as UTF-8 between its rendering and its page's (<see cref="DeferredBody.FromRendered"/>).
/// Bodies repeat themselves (inherited bullets carry the same attributes and "from" links), so they shrink several
/// times; held uncompressed from a batch's rendering to the theme, every body would be alive at once (≈ 118 KB of UTF-8
/// a family, 1.2 GB at synthetic N = 10000, issue 9).
/// </summary>
/// <remarks>
/// The round trip through UTF-8 gives back the same text, except that an unpaired surrogate would come back as U+FFFD:
/// the page is written as UTF-8, which turns such a surrogate into U+FFFD as well, so the written bytes are the same.
/// </remarks>
internal sealed class CompressedHtml
{
    // The decompressed text, per thread: valid until the next body is decompressed on this thread (as RenderBuffered's).
    [ThreadStatic]
    private static char[]? t_chars;

    private readonly byte[] _deflated;
    private readonly int _utf8Length;

    private CompressedHtml(byte[] deflated, int utf8Length)
    {
        _deflated = deflated;
        _utf8Length = utf8Length;
    }

    public static CompressedHtml Of(ReadOnlySpan<char> html)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(html.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(html, utf8);
            using var output = new MemoryStream(Math.Max(256, length / 4));
            using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                deflate.Write(utf8, 0, length);
            }

            return new CompressedHtml(output.ToArray(), length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>The text, in this thread's buffer: place it in its page before the next body is decompressed here.</summary>
    public ReadOnlyMemory<char> Decompress()
    {
        if (_utf8Length == 0)
        {
            return ReadOnlyMemory<char>.Empty;
        }

        var utf8 = ArrayPool<byte>.Shared.Rent(_utf8Length);
        try
        {
            using (var input = new DeflateStream(new MemoryStream(_deflated, writable: false), CompressionMode.Decompress))
            {
                input.ReadExactly(utf8, 0, _utf8Length);
            }

            var chars = t_chars is { } kept && kept.Length >= _utf8Length ? kept : t_chars = new char[Math.Max(_utf8Length, 16 * 1024)];
            var count = Encoding.UTF8.GetChars(utf8, 0, _utf8Length, chars, 0);
            return chars.AsMemory(0, count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }
}
