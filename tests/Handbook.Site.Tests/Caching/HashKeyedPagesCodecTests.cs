namespace Handbook.Site.Tests.Caching;

using Handbook.Site.Caching;

public class HashKeyedPagesCodecTests
{
    private const string Format = "test-pages-1";

    [Fact]
    public void Given_pages_in_any_order_When_written_and_read_Then_the_same_map_comes_back_and_equal_maps_give_equal_bytes()
    {
        // Given two orders of the same pages
        KeyValuePair<string, int>[] pages = [new("b", 2), new("a", 1), new("c", 3)];

        // When written (with a header field) and read back
        var written = Write(pages, header: 7);
        var again = Write([.. pages.Reverse()], header: 7);
        var read = Read(written, header: 7);

        // Then the map is the one written, and its bytes do not depend on the order given
        Assert.Equal(pages.OrderBy(p => p.Key, StringComparer.Ordinal), read.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(written, again);
    }

    [Fact]
    public void Given_an_entry_When_read_with_another_format_tool_or_header_Then_no_page_is_read()
    {
        // Given an entry
        var written = Write([new("a", 1)], header: 7);

        // When read by another format, another tool, or a header check that refuses
        // Then nothing is read
        Assert.Empty(HashKeyedPagesCodec.Read(written, "other-format", "tool", r => r.ReadInt32() == 7, r => r.ReadInt32()));
        Assert.Empty(HashKeyedPagesCodec.Read(written, Format, "another tool", r => r.ReadInt32() == 7, r => r.ReadInt32()));
        Assert.Empty(Read(written, header: 8));
        Assert.Single(Read(written, header: 7));
    }

    [Fact]
    public void Given_malformed_bytes_When_read_Then_no_page_is_read()
    {
        // Given an entry cut short, one with a byte left over, and bytes that are no entry
        var written = Write([new("a", 1), new("b", 2)], header: 7);
        byte[] longer = [.. written, 0];

        // When read / Then nothing is read
        Assert.Empty(Read(written.AsMemory(0, written.Length - 1), header: 7));
        Assert.Empty(Read(longer, header: 7));
        Assert.Empty(Read(new byte[] { 1, 2, 3 }, header: 7));
    }

    private static byte[] Write(IEnumerable<KeyValuePair<string, int>> pages, int header) =>
        HashKeyedPagesCodec.Write(Format, "tool", w => w.Write(header), pages, (w, value) => w.Write(value));

    private static Dictionary<string, int> Read(ReadOnlyMemory<byte> payload, int header) =>
        HashKeyedPagesCodec.Read(payload, Format, "tool", r => r.ReadInt32() == header, r => r.ReadInt32());
}
