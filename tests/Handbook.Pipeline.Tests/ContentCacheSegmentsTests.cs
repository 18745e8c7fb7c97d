namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// <see cref="ContentCache.Set(CacheKey, IReadOnlyList{ReadOnlyMemory{byte}})"/> stores pieces under a given key: the
/// entry must be byte for byte the one <see cref="ContentCache.Set(CacheKey, ReadOnlySpan{byte})"/> writes for the
/// pieces joined (the version page pack is written this way and read back with <see cref="ContentCache.TryGet"/>).
/// </summary>
public sealed class ContentCacheSegmentsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<int[]> Splits => new()
    {
        Array.Empty<int>(),
        new[] { 0 },
        new[] { 1 },
        new[] { 10, 0, 5 },
        new[] { 64 * 1024, 3, 200_001 },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Given_pieces_When_stored_under_a_key_Then_the_entry_is_the_one_Set_writes_for_them_joined(int[] sizes)
    {
        // Given pieces of random bytes, and the entry the general Set writes for them joined
        var random = new Random(sizes.Length);
        var pieces = sizes.Select(size =>
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            return bytes;
        }).ToList();
        byte[] joined = [.. pieces.SelectMany(p => p)];
        var key = CacheKey.Create("pack", "1");
        var oracle = new ContentCache(_temp.Combine("oracle"));
        oracle.Set(key, joined);

        // When the pieces are stored as segments under the same key
        var cache = new ContentCache(_temp.Combine("segments"));
        cache.Set(key, pieces.Select(p => (ReadOnlyMemory<byte>)p).ToList());

        // Then the entry is byte for byte the oracle's, and reads back as the joined bytes
        Assert.Equal(File.ReadAllBytes(oracle.PathOf(key)), File.ReadAllBytes(cache.PathOf(key)));
        Assert.True(cache.TryGet(key, out var back));
        Assert.Equal(joined, back);
    }

    [Fact]
    public void Given_a_stored_entry_When_other_segments_are_stored_under_its_key_Then_they_replace_it()
    {
        // Given an entry under a key
        var key = CacheKey.Create("pack", "1");
        var cache = new ContentCache(_temp.Combine("cache"));
        cache.Set(key, [new byte[] { 1, 2, 3 }]);

        // When other pieces are stored under that key
        cache.Set(key, [new byte[] { 4 }, new byte[] { 5, 6 }]);

        // Then the key reads the new bytes
        Assert.True(cache.TryGet(key, out var back));
        Assert.Equal(new byte[] { 4, 5, 6 }, back);
    }
}
