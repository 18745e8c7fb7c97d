namespace Handbook.Pipeline.Tests;

using System.Security.Cryptography;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// <see cref="ContentCache.SetContentAddressed(IReadOnlyList{ReadOnlyMemory{byte}}, bool)"/> stores pieces as the one
/// entry their joined bytes make, and <see cref="ContentCache.TryRead{T}"/> gives a payload to a reader from a pooled
/// buffer with the checks <see cref="ContentCache.TryGet"/> makes (a damaged entry is a miss and is deleted).
/// </summary>
public sealed class ContentCacheReadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<int, int, int> Splits => new()
    {
        { 0, 0, 0 },
        { 10, 0, 5 },
        { 0, 100_000, 0 },
        { 32, 107_000, 247_000 },
        { 4096, 1, 1_500_000 },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Given_pieces_When_stored_content_addressed_Then_the_entry_is_the_joined_bytes_entry_and_reads_back(int first, int second, int third)
    {
        // Given three pieces, and the entry the joined bytes give
        var joined = Payload(first + second + third, seed: first + second + third);
        ReadOnlyMemory<byte>[] pieces = [joined.AsMemory(0, first), joined.AsMemory(first, second), joined.AsMemory(first + second)];
        var oracle = new ContentCache(_temp.Combine("oracle"));
        var expectedKey = oracle.SetContentAddressed(joined);

        // When
        var cache = new ContentCache(_temp.Combine("pieces"));
        var key = cache.SetContentAddressed(pieces);

        // Then the key and the entry are the joined bytes', and both reading paths give the payload back
        Assert.Equal(expectedKey, key);
        Assert.Equal(new CacheKey(Convert.ToHexStringLower(SHA256.HashData(joined))), key);
        Assert.Equal(File.ReadAllBytes(oracle.PathOf(key)), File.ReadAllBytes(cache.PathOf(key)));
        Assert.True(cache.TryRead<byte[]>(key, Copy, out var read));
        Assert.Equal(joined, read);
        Assert.True(cache.TryGet(key, out var got));
        Assert.Equal(joined, got);
    }

    [Fact]
    public void Given_stored_pieces_When_stored_again_Then_they_are_written_only_when_asked()
    {
        var cache = new ContentCache(_temp.Combine("cache"));
        ReadOnlyMemory<byte>[] pieces = [Payload(100, 1), Payload(200, 2)];

        cache.SetContentAddressed(pieces);
        cache.SetContentAddressed(pieces);
        Assert.Equal(1, cache.Statistics.Writes);
        cache.SetContentAddressed(pieces, rewrite: true);

        Assert.Equal(2, cache.Statistics.Writes);
    }

    [Fact]
    public void Given_a_damaged_entry_When_read_Then_it_is_a_miss_the_reader_is_not_called_and_the_entry_is_deleted()
    {
        // Given an entry with one payload byte flipped, and one cut short
        var cache = new ContentCache(_temp.Combine("cache"));
        var flipped = cache.SetContentAddressed(Payload(5000, 3));
        var bytes = File.ReadAllBytes(cache.PathOf(flipped));
        bytes[^1] ^= 1;
        File.WriteAllBytes(cache.PathOf(flipped), bytes);
        var cut = cache.SetContentAddressed(Payload(5000, 4));
        File.WriteAllBytes(cache.PathOf(cut), File.ReadAllBytes(cache.PathOf(cut))[..^1]);
        var calls = 0;
        bool Counting(ReadOnlySpan<byte> payload, out int value)
        {
            calls++;
            value = payload.Length;
            return true;
        }

        // When / Then
        Assert.False(cache.TryRead<int>(flipped, Counting, out _));
        Assert.False(cache.TryRead<int>(cut, Counting, out _));
        Assert.Equal(0, calls);
        Assert.False(File.Exists(cache.PathOf(flipped)));
        Assert.False(File.Exists(cache.PathOf(cut)));
        Assert.Equal(2, cache.Statistics.Rejected);
    }

    [Fact]
    public void Given_a_missing_entry_or_a_reader_that_refuses_When_read_Then_it_is_false()
    {
        var cache = new ContentCache(_temp.Combine("cache"));
        var key = cache.SetContentAddressed(Payload(10, 5));

        Assert.False(cache.TryRead<byte[]>(new CacheKey(new string('0', 64)), Copy, out _));
        Assert.False(cache.TryRead<byte[]>(key, static (ReadOnlySpan<byte> _, out byte[] value) =>
        {
            value = [];
            return false;
        }, out _));
        Assert.True(File.Exists(cache.PathOf(key))); // a refused payload is whole: it stays
    }

    private static bool Copy(ReadOnlySpan<byte> payload, out byte[] value)
    {
        value = payload.ToArray();
        return true;
    }

    private static byte[] Payload(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
