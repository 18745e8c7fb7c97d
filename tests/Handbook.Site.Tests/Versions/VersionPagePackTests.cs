namespace Handbook.Site.Tests.Versions;

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Handbook.Site.Versions;

/// <summary>
/// The payload of the version page pack: what <see cref="VersionPagePack.Segments"/> writes reads back page for page,
/// the same pages always give the same bytes, and a payload whose index does not account for it exactly is refused
/// (the cache then renders every page instead of serving a wrong one).
/// </summary>
public sealed class VersionPagePackTests
{
    [Fact]
    public void Given_pages_When_written_and_read_back_Then_each_key_gives_its_page()
    {
        // Given three pages (one empty) under SHA-256 keys
        var pages = Pages(("b", "<p>second</p>"), ("a", "<p>first – ü</p>"), ("c", string.Empty));

        // When they are written as a pack and read back
        Assert.True(VersionPagePack.TryParse(Join(VersionPagePack.Segments(pages)), out var pack));

        // Then every key gives its page's bytes, and the keys are listed in order
        Assert.Equal(3, pack.Count);
        foreach (var (key, bytes) in pages)
        {
            Assert.True(pack.TryGetPage(key, out var page));
            Assert.Equal(bytes.ToArray(), page.ToArray());
        }

        Assert.Equal(pages.Keys.Order(StringComparer.Ordinal), pack.Keys);
        Assert.False(pack.TryGetPage(Key("d"), out _));
    }

    [Fact]
    public void Given_the_same_pages_added_in_another_order_When_written_Then_the_bytes_are_the_same()
    {
        var one = Pages(("a", "x"), ("b", "y"), ("c", "z"));
        var other = Pages(("c", "z"), ("a", "x"), ("b", "y"));

        Assert.Equal(Join(VersionPagePack.Segments(one)), Join(VersionPagePack.Segments(other)));
    }

    [Fact]
    public void Given_no_pages_When_written_Then_an_empty_pack_reads_back()
    {
        Assert.True(VersionPagePack.TryParse(Join(VersionPagePack.Segments(Pages())), out var pack));
        Assert.Equal(0, pack.Count);
    }

    [Fact]
    public void Given_a_key_that_is_not_a_sha256_When_written_Then_it_is_refused()
    {
        var pages = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal) { ["abc"] = new byte[] { 1 } };

        Assert.Throws<ArgumentException>(() => VersionPagePack.Segments(pages));
    }

    public static TheoryData<string> Damages => new()
    {
        "empty",
        "a byte more",
        "a byte less",
        "count beyond the index",
        "negative count",
        "length beyond the payload",
        "negative length",
        "one key twice",
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void Given_a_payload_whose_index_does_not_fit_it_When_read_Then_it_is_refused(string damage)
    {
        // Given a valid pack of two pages, damaged one way
        var payload = Join(VersionPagePack.Segments(Pages(("a", "first"), ("b", "second"))));
        var damaged = damage switch
        {
            "empty" => [],
            "a byte more" => [.. payload, 0],
            "a byte less" => payload[..^1],
            "count beyond the index" => WithInt(payload, 0, 3),
            "negative count" => WithInt(payload, 0, -1),
            "length beyond the payload" => WithInt(payload, 4 + 32, payload.Length),
            "negative length" => WithInt(payload, 4 + 32, -1),
            "one key twice" => WithKeyOfFirstInSecond(payload),
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };

        // When it is read, Then it is refused
        Assert.False(VersionPagePack.TryParse(damaged, out var pack));
        Assert.Equal(0, pack.Count);
    }

    private static Dictionary<string, ReadOnlyMemory<byte>> Pages(params (string Name, string Html)[] pages) =>
        pages.ToDictionary(p => Key(p.Name), p => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(p.Html), StringComparer.Ordinal);

    private static string Key(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private static byte[] Join(IReadOnlyList<ReadOnlyMemory<byte>> segments) => [.. segments.SelectMany(s => s.ToArray())];

    private static byte[] WithInt(byte[] payload, int offset, int value)
    {
        var copy = payload.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    private static byte[] WithKeyOfFirstInSecond(byte[] payload)
    {
        var copy = payload.ToArray();
        copy.AsSpan(4, 32).CopyTo(copy.AsSpan(4 + 36, 32));
        return copy;
    }
}
