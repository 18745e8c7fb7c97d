namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// <see cref="ContentCache.TryGetPayload"/> reads an entry without copying its payload out: it must give exactly what
/// <see cref="ContentCache.TryGet"/> gives, and refuse (and delete) a damaged entry the same way.
/// </summary>
public sealed class ContentCachePayloadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(200_001)]
    public void Given_a_stored_entry_When_its_payload_is_read_Then_it_is_the_bytes_TryGet_gives(int size)
    {
        // Given an entry
        var cache = new ContentCache(_temp.Combine("cache"));
        var key = CacheKey.Create("payload", "1", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        cache.Set(key, bytes);

        // When its payload is read, Then it is the stored bytes, as TryGet gives them
        Assert.True(cache.TryGetPayload(key, out var payload));
        Assert.True(cache.TryGet(key, out var copy));
        Assert.Equal(bytes, payload.ToArray());
        Assert.Equal(bytes, copy);
    }

    [Fact]
    public void Given_a_truncated_entry_When_its_payload_is_read_Then_it_is_a_miss_and_the_entry_is_deleted()
    {
        // Given an entry cut short on disk
        var cache = new ContentCache(_temp.Combine("cache"));
        var key = CacheKey.Create("payload", "1");
        cache.Set(key, new byte[1000]);
        var path = cache.PathOf(key);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..500]);

        // When its payload is read, Then it is a miss and the damaged entry is gone
        Assert.False(cache.TryGetPayload(key, out var payload));
        Assert.True(payload.IsEmpty);
        Assert.False(File.Exists(path));
        Assert.Equal(1, cache.Statistics.Misses);
    }

    [Fact]
    public void Given_no_entry_When_its_payload_is_read_Then_it_is_a_miss()
    {
        var cache = new ContentCache(_temp.Combine("cache"));

        Assert.False(cache.TryGetPayload(CacheKey.Create("payload", "absent"), out _));
    }
}
