namespace Handbook.Site.Search;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Handbook.Site.Search.Schema;
using Handbook.Site.Serialization;

/// <summary>
/// Writes <c>/search-index.json</c> piece by piece – the texts one at a time as they are met, then the families – with
/// exactly the bytes <see cref="SearchIndex.WriteUtf8"/> writes for the whole <see cref="SearchIndexRoot"/> (same
/// options, same property names and order): for a writer whose texts are not strings in memory (spooled,
/// <c>Stages/SpooledSearchIndex</c>), so no text is held, nor made a string, to write the index (issue 9).
/// </summary>
/// <remarks>Call <see cref="WriteText"/> for every text, then <see cref="BeginFamilies"/>, <see cref="WriteFamily"/>
/// for every family and <see cref="End"/>, in that order.</remarks>
public sealed class SearchIndexStreamWriter : IDisposable
{
    // The writer keeps what it wrote until flushed: handed to the stream every ~64 KiB, as the serializer does for a
    // stream, instead of the whole file growing in its buffer.
    private const int FlushAt = 64 * 1024;

    private static readonly JsonTypeInfo<SearchFamily> FamilyInfo = SearchIndex.Json.TypeInfo<SearchFamily>();

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    public SearchIndexStreamWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = SearchIndex.Json.Encoder, Indented = SearchIndex.Json.WriteIndented });
        _writer.WriteStartObject();
        _writer.WriteNumber(Name(nameof(SearchIndexRoot.Version)), SearchIndex.Version);
        _writer.WriteStartArray(Name(nameof(SearchIndexRoot.Texts)));
    }

    /// <summary>The next text of <see cref="SearchIndexRoot.Texts"/>.</summary>
    public void WriteText(ReadOnlySpan<char> text)
    {
        _writer.WriteStringValue(text);
        FlushIfFull();
    }

    /// <summary>Ends the texts and starts <see cref="SearchIndexRoot.Families"/>.</summary>
    public void BeginFamilies()
    {
        _writer.WriteEndArray();
        _writer.WriteStartArray(Name(nameof(SearchIndexRoot.Families)));
    }

    /// <summary>The next family of <see cref="SearchIndexRoot.Families"/>.</summary>
    public void WriteFamily(SearchFamily family)
    {
        JsonSerializer.Serialize(_writer, family, FamilyInfo);
        FlushIfFull();
    }

    /// <summary>Ends the index, with the line end <see cref="SearchIndex.WriteUtf8"/> puts after it.</summary>
    public void End()
    {
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        _stream.WriteByte((byte)'\n');
    }

    public void Dispose() => _writer.Dispose();

    private void FlushIfFull()
    {
        if (_writer.BytesPending >= FlushAt)
        {
            _writer.Flush();
        }
    }

    private static string Name(string property) => SearchIndex.Json.PropertyNamingPolicy!.ConvertName(property);
}
