namespace Handbook.Site.Tests.Theming;

using System.Globalization;
using System.Text;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Documents;
using Handbook.Site.Theming;

/// <summary>
/// One-shot builds hand the theme each body as UTF-8 (<see cref="Utf8HtmlValue"/>) instead of a decoded string: its
/// chunked decoding must give exactly what <see cref="Encoding.GetString(byte[])"/> gives. How templates see it (and the
/// buffered body) is <see cref="BodyHtmlValueTests"/>.
/// </summary>
public class Utf8HtmlValueTests
{
    // Letters of several scripts, 2-, 3- and 4-byte sequences (the emoji are surrogate pairs), markup and line ends.
    private static readonly string[] Pieces = ["a", "<p>", "&amp;", "é", "Ü", "–", "团", "队", "🚀", "𝄞", "\r\n", "\n", " ", "ß", "ﬁ"];

    internal static string RandomText(Random random, int pieces)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pieces; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    private static string Decoded(byte[] utf8, int chunkChars)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Utf8HtmlValue.WriteDecoded(utf8, writer, chunkChars);
        return writer.ToString();
    }

    [Fact]
    public void Given_random_bodies_beyond_ASCII_When_decoded_in_chunks_of_any_size_Then_the_text_is_what_GetString_gives()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 300; round++)
        {
            // Given a body whose multi-byte sequences fall across chunk ends for small chunk sizes
            var utf8 = Encoding.UTF8.GetBytes(RandomText(random, random.Next(0, 400)));

            // When decoded in chunks of 1 (raised to 2), 2, 3, 5, 7, random and the production size
            foreach (var chunk in new[] { 1, 2, 3, 5, 7, random.Next(2, 64), Utf8HtmlValue.ChunkChars })
            {
                // Then it is exactly the string the body was
                Assert.Equal(Encoding.UTF8.GetString(utf8), Decoded(utf8, chunk));
            }
        }
    }

    [Fact]
    public void Given_bytes_that_are_not_valid_UTF8_When_decoded_in_chunks_Then_they_are_replaced_as_GetString_replaces_them()
    {
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            // Given valid text with stray, truncated and overlong bytes mixed in (also at the very end)
            var utf8 = Encoding.UTF8.GetBytes(RandomText(random, random.Next(0, 60))).ToList();
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                utf8.Insert(random.Next(utf8.Count + 1), (byte)random.Next(0x80, 0x100));
            }

            var bytes = utf8.ToArray();
            foreach (var chunk in new[] { 2, 3, 4, 9, Utf8HtmlValue.ChunkChars })
            {
                Assert.Equal(Encoding.UTF8.GetString(bytes), Decoded(bytes, chunk));
            }
        }
    }

    [Fact]
    public void Given_a_document_whose_body_is_kept_as_UTF8_When_asked_for_its_bytes_Then_they_decode_to_the_body_and_a_string_body_gives_none()
    {
        const string Html = "<p>Équipe 🚀</p>\n";
        var kept = Document.FromSource("job-families/x.md", string.Empty)
            .With(JobFamilyKeys.BodyHtml, string.Empty)
            .With(JobFamilyKeys.BodyHtmlUtf8, RenderedBody.Encode(Html));
        var plain = Document.FromSource("job-families/y.md", string.Empty).With(JobFamilyKeys.BodyHtml, Html);

        Assert.True(RenderedBody.TryGetUtf8(kept, out var utf8));
        Assert.Equal(Html, Encoding.UTF8.GetString(utf8));
        Assert.False(RenderedBody.TryGetUtf8(plain, out _));
        Assert.False(RenderedBody.TryGetUtf8(Document.FromSource("a.md", string.Empty), out _));
    }
}
