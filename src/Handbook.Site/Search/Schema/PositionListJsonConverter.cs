namespace Handbook.Site.Search.Schema;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// Writes and reads a list of text positions as a plain JSON array of numbers, exactly as System.Text.Json's own
/// collection converter does (<c>[3,17,42]</c>; the writer's options decide indentation).
/// </summary>
/// <remarks>
/// Why not the built-in converter: it is a generic class over the element type (<c>JsonCollectionConverter&lt;TCollection,
/// int&gt;</c>) reached through virtual calls, which the composite ReadyToRun image does not hold, so every build
/// JIT-compiled ≈ 10 of its methods at tier 0 to write the search index (issue 9). This class is ours and precompiled.
/// </remarks>
public sealed class PositionListJsonConverter : JsonConverter<IReadOnlyList<int>>
{
    public override IReadOnlyList<int> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected an array of positions, found {reader.TokenType}");
        }

        var positions = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            positions.Add(reader.GetInt32());
        }

        return positions;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<int> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            writer.WriteNumberValue(value[i]);
        }

        writer.WriteEndArray();
    }
}
