namespace Handbook.Site.Theming;

using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Fluid.Values;

/// <summary>
/// A page body kept as UTF-8 bytes (one-shot builds, <c>JobFamilyKeys.BodyHtmlUtf8</c>) as a template sees it: the
/// string value the decoded body would be, except that writing it unencoded (<c>{{ family.body_html | raw }}</c>, see
/// <see cref="Utf8BodyBinding"/>) decodes the bytes into the template's writer in small chunks instead of first
/// making the whole body a string (issue 9: at N = 10000 those strings were 2.3 GB of large-object garbage in
/// <c>RenderTheme</c>). Anything else a template does with it (encoded output, filters, <c>contains</c>,
/// <c>size</c>, comparisons) goes to the decoded string value, made when first needed, so it behaves as before.
/// </summary>
internal sealed class Utf8HtmlValue : BodyHtmlValue
{
    /// <summary>Chars decoded per chunk: small enough to stay out of the large-object heap, pooled.</summary>
    internal const int ChunkChars = 4096;

    private readonly byte[] _utf8;

    /// <param name="utf8">The body's UTF-8 bytes (not copied: never changed after <c>RenderBodyHtml</c> made them).</param>
    /// <param name="encode">Whether output escapes it (see <see cref="BodyHtmlValue"/>).</param>
    public Utf8HtmlValue(byte[] utf8, bool encode = true)
        : base(encode)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        _utf8 = utf8;
    }

    protected override BodyHtmlValue WithoutEncoding() => new Utf8HtmlValue(_utf8, encode: false);

    protected override void WriteRaw(TextWriter writer) => WriteDecoded(_utf8, writer, ChunkChars);

    /// <summary>
    /// Writes <c>Encoding.UTF8.GetString(utf8)</c> to <paramref name="writer"/> through a pooled buffer of
    /// <paramref name="chunkChars"/> chars. A multi-byte sequence cut by a chunk's end is left for the next chunk
    /// (<c>isFinalBlock: false</c>); invalid bytes become U+FFFD exactly as <see cref="Encoding.UTF8"/> replaces them.
    /// </summary>
    internal static void WriteDecoded(ReadOnlySpan<byte> utf8, TextWriter writer, int chunkChars)
    {
        // At least 2 chars: a supplementary code point decodes to a surrogate pair, which must fit in one chunk.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(chunkChars, 2));
        try
        {
            var chars = buffer.AsSpan(0, Math.Max(chunkChars, 2));
            while (!utf8.IsEmpty)
            {
                // Whole input offered: the decoder stops where the buffer is full, and ends on an incomplete
                // sequence only at the real end (isFinalBlock: true), where it is replaced as GetString does.
                var status = Utf8.ToUtf16(utf8, chars, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
                writer.Write(chars[..written]);
                utf8 = utf8[read..];
                if (status == OperationStatus.Done)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    protected override StringValue MakeText() => new(Encoding.UTF8.GetString(_utf8), Encodes);
}
