namespace Handbook.Pipeline.Tests.Buffers;

using System.Text.Json;
using Handbook.Pipeline.Buffers;

/// <summary>
/// <see cref="PooledBufferWriter"/> keeps every byte written, in order, across the growths that replace its rented
/// array, refuses to advance past what it gave, and is unusable once disposed.
/// </summary>
public sealed class PooledBufferWriterTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 4096)]
    [InlineData(5000, 1)]
    [InlineData(70_000, 100)]
    public void Given_writes_of_any_size_When_the_buffer_grows_Then_the_written_bytes_are_kept_in_order(int chunk, int initialCapacity)
    {
        // Given
        using var writer = new PooledBufferWriter(initialCapacity);
        var expected = new List<byte>();

        // When: twenty chunks, each through GetSpan with a size hint
        for (var i = 0; i < 20; i++)
        {
            var span = writer.GetSpan(chunk);
            for (var j = 0; j < chunk; j++)
            {
                span[j] = (byte)(i + j);
                expected.Add((byte)(i + j));
            }

            writer.Advance(chunk);
        }

        // Then
        Assert.Equal(expected.Count, writer.WrittenCount);
        Assert.Equal(expected, writer.WrittenSpan.ToArray());
        Assert.Equal(expected, writer.WrittenMemory.ToArray());
    }

    [Fact]
    public void Given_a_Utf8JsonWriter_over_it_When_a_large_value_is_serialised_Then_the_bytes_are_the_serializers()
    {
        // Given a value larger than the writer's first buffer
        var value = Enumerable.Range(0, 20_000).Select(i => $"item {i}").ToArray();

        // When
        using var buffer = new PooledBufferWriter();
        using (var json = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(json, value);
        }

        // Then
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(value), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Given_a_writer_When_advanced_past_its_free_space_Then_it_throws()
    {
        using var writer = new PooledBufferWriter();
        var free = writer.GetSpan().Length;

        Assert.Throws<InvalidOperationException>(() => writer.Advance(free + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(-1));
    }

    [Fact]
    public void Given_a_disposed_writer_When_asked_for_space_Then_it_throws_and_holds_nothing()
    {
        var writer = new PooledBufferWriter();
        writer.GetSpan(10)[0] = 1;
        writer.Advance(1);

        writer.Dispose();
        writer.Dispose(); // twice is harmless

        Assert.Equal(0, writer.WrittenCount);
        Assert.Throws<ObjectDisposedException>(() => writer.GetSpan());
    }
}
