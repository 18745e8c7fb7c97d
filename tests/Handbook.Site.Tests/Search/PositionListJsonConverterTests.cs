namespace Handbook.Site.Tests.Search;

using System.Text.Encodings.Web;
using System.Text.Json;
using Handbook.Site.Search.Schema;

/// <summary>
/// <see cref="PositionListJsonConverter"/> writes exactly what System.Text.Json's own collection converter wrote for a
/// list of positions (so the search index stays byte-identical), compact or indented, and reads it back.
/// </summary>
public sealed class PositionListJsonConverterTests
{
    public static TheoryData<int[], bool> Lists() => new()
    {
        { [], false },
        { [0], false },
        { [3, 17, 42, int.MaxValue, -1], false },
        { [5, 6], true },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Given_a_list_of_positions_When_written_Then_the_bytes_are_the_built_in_converters_and_read_back_equal(int[] positions, bool indented)
    {
        // Given
        IReadOnlyList<int> list = positions.ToList();
        var builtIn = new JsonSerializerOptions { WriteIndented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var ours = new JsonSerializerOptions(builtIn) { Converters = { new PositionListJsonConverter() } };

        // When
        var expected = JsonSerializer.Serialize(list, builtIn);
        var written = JsonSerializer.Serialize(list, ours);

        // Then
        Assert.Equal(expected, written);
        Assert.Equal(positions, JsonSerializer.Deserialize<IReadOnlyList<int>>(written, ours));
    }

    [Fact]
    public void Given_something_other_than_an_array_When_read_Then_it_is_refused()
    {
        var ours = new JsonSerializerOptions { Converters = { new PositionListJsonConverter() } };

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IReadOnlyList<int>>("{\"a\":1}", ours));
    }
}
