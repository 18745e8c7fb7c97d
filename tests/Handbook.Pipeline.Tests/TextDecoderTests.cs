namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.IO;

public class TextDecoderTests
{
    private static (string? Text, IReadOnlyList<Diagnostic> Diagnostics) Decode(byte[] bytes)
    {
        var bag = new DiagnosticBag();
        var text = TextDecoder.Decode(bytes, "p.md", bag);
        return (text, bag.Sorted());
    }

    [Fact]
    public void The_column_of_a_bad_byte_counts_characters_not_bytes()
    {
        // Given "é" (two bytes, one character) followed by a stray continuation byte on line 3
        var (text, diagnostics) = Decode([.. "a\nb\n\u00e9"u8, 0x80, .. "z"u8]);

        // Then the bad byte is at line 3, column 2
        Assert.Null(text);
        Assert.Equal(new SourceLocation("p.md", 3, 2), Assert.Single(diagnostics).Location);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]          // overlong encoding of '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]    // an encoded UTF-16 surrogate
    [InlineData(new byte[] { 0xE2, 0x82 })]          // a sequence cut off at the end of the file
    public void Malformed_sequences_are_IO002(byte[] bytes)
    {
        var (text, diagnostics) = Decode(bytes);

        Assert.Null(text);
        Assert.Equal("IO002", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Valid_text_comes_back_unchanged_apart_from_line_ends()
    {
        var (text, diagnostics) = Decode("naïve – ✓ 😀\r\n"u8.ToArray());

        Assert.Empty(diagnostics);
        Assert.Equal("naïve – ✓ 😀\n", text);
    }

    [Fact]
    public void A_BOM_alone_gives_an_empty_text()
    {
        var (text, diagnostics) = Decode([0xEF, 0xBB, 0xBF]);

        Assert.Empty(diagnostics);
        Assert.Equal(string.Empty, text);
    }
}
