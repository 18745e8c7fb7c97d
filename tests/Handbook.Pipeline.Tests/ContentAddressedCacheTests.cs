namespace Handbook.Pipeline.Tests;

using System.Security.Cryptography;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// <see cref="ContentCache.SetContentAddressed(ReadOnlySpan{byte}, bool)"/> and its streamed twins (hashing the stream,
/// or copying it under a hash known beforehand, checked as it is copied) store a payload under
/// the SHA-256 of its bytes: the entries must be exactly what <see cref="ContentCache.Set(CacheKey, ReadOnlySpan{byte})"/> writes for that key (the
/// oracle; the output cache used it until the seventh session), so caches written before and after stay readable.
/// </summary>
public sealed class ContentAddressedCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<int> Sizes => new() { 0, 1, 4095, 64 * 1024, 200_001, 1_500_000 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_payload_is_stored_under_its_sha256_exactly_as_Set_stores_it(int size)
    {
        // Given a payload, and the entry the general Set writes for the SHA-256 of its bytes
        var payload = Payload(size, seed: size);
        var oracle = new ContentCache(_temp.Combine("oracle"));
        var expectedKey = new CacheKey(Convert.ToHexStringLower(SHA256.HashData(payload)));
        oracle.Set(expectedKey, payload);

        // When it is stored content-addressed, from bytes and from a stream
        var fromBytes = new ContentCache(_temp.Combine("bytes"));
        var fromStream = new ContentCache(_temp.Combine("stream"));
        var bytesKey = fromBytes.SetContentAddressed(payload);
        using var stream = new MemoryStream(payload);
        stream.Position = stream.Length / 2; // read from the start whatever the position
        var streamKey = fromStream.SetContentAddressed(stream);
        var fromKnownHash = new ContentCache(_temp.Combine("known"));
        using var again = new MemoryStream(payload);
        again.Position = again.Length / 3;
        var knownKey = fromKnownHash.SetContentAddressed(again, SHA256.HashData(payload));

        // Then both return that key, write byte for byte the oracle's entry, and give the payload back
        Assert.Equal(expectedKey, bytesKey);
        Assert.Equal(expectedKey, streamKey);
        Assert.Equal(expectedKey, knownKey);
        var expectedEntry = File.ReadAllBytes(oracle.PathOf(expectedKey));
        Assert.Equal(EntryOf(payload), expectedEntry); // the documented format, written out independently of the cache
        Assert.Equal(expectedEntry, File.ReadAllBytes(fromBytes.PathOf(expectedKey)));
        Assert.Equal(expectedEntry, File.ReadAllBytes(fromStream.PathOf(expectedKey)));
        Assert.Equal(expectedEntry, File.ReadAllBytes(fromKnownHash.PathOf(expectedKey)));
        Assert.True(fromStream.TryGet(expectedKey, out var back));
        Assert.Equal(payload, back);
        Assert.DoesNotContain(Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entry_already_stored_is_written_again_only_when_asked()
    {
        // Given a payload stored once
        var cache = new ContentCache(_temp.Combine("cache"));
        var payload = Payload(10_000, seed: 7);
        cache.SetContentAddressed(payload);

        // When it is stored again from bytes and from a stream, then once more with rewrite
        cache.SetContentAddressed(payload);
        using (var stream = new MemoryStream(payload))
        {
            cache.SetContentAddressed(stream);
        }

        Assert.Equal(1, cache.Statistics.Writes);
        using (var stream = new MemoryStream(payload))
        {
            cache.SetContentAddressed(stream, rewrite: true);
        }

        // Then only the first store and the rewrite wrote the entry
        Assert.Equal(2, cache.Statistics.Writes);
    }

    [Fact]
    public void A_truncated_entry_of_the_same_key_is_replaced()
    {
        // Given an entry cut short on disk
        var cache = new ContentCache(_temp.Combine("cache"));
        var payload = Payload(5_000, seed: 3);
        var key = cache.SetContentAddressed(payload);
        var path = cache.PathOf(key);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^10]);

        // When the same bytes are stored again from a stream
        using var stream = new MemoryStream(payload);
        cache.SetContentAddressed(stream);

        // Then the entry is whole again
        Assert.True(cache.TryGet(key, out var back));
        Assert.Equal(payload, back);
    }

    [Fact]
    public void A_stream_that_fails_to_read_stores_nothing()
    {
        var cache = new ContentCache(_temp.Combine("cache"));

        var key = cache.SetContentAddressed(new FailingStream());

        Assert.Null(key);
        Assert.Equal(0, cache.Statistics.Writes);
        Assert.False(Directory.Exists(cache.Folder) && Directory.EnumerateFiles(cache.Folder, "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void A_stream_whose_bytes_do_not_have_the_known_hash_stores_nothing(int size)
    {
        // Given bytes and the hash of other bytes (a staged file changed on disk after it was hashed)
        var cache = new ContentCache(_temp.Combine("cache"));
        var payload = Payload(size, seed: 11);
        var otherHash = SHA256.HashData(Payload(size + 1, seed: 12));

        // When they are stored under that hash
        using var stream = new MemoryStream(payload);
        var key = cache.SetContentAddressed(stream, otherHash);

        // Then nothing is stored under either hash, and no temporary file is left
        Assert.Null(key);
        Assert.Equal(0, cache.Statistics.Writes);
        Assert.False(File.Exists(cache.PathOf(new CacheKey(Convert.ToHexStringLower(otherHash)))));
        Assert.False(cache.TryGet(new CacheKey(Convert.ToHexStringLower(SHA256.HashData(payload))), out _));
        Assert.DoesNotContain(Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stream_under_a_known_hash_that_fails_to_read_stores_nothing()
    {
        var cache = new ContentCache(_temp.Combine("cache"));

        var key = cache.SetContentAddressed(new FailingStream(), SHA256.HashData(new byte[100]));

        Assert.Null(key);
        Assert.Equal(0, cache.Statistics.Writes);
        Assert.DoesNotContain(Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    /// <summary><c>magic | length | SHA-256 | payload</c>, as <see cref="ContentCache"/> documents its entries.</summary>
    private static byte[] EntryOf(byte[] payload)
    {
        var length = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, payload.Length);
        return [.. "HBCACHE1"u8, .. length, .. SHA256.HashData(payload), .. payload];
    }

    private static byte[] Payload(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A seekable stream whose reads fail, like a staged file removed under the reader.</summary>
    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base(new byte[100])
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("gone");

        public override int Read(Span<byte> buffer) => throw new IOException("gone");
    }
}
