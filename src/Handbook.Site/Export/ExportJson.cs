namespace Handbook.Site.Export;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Handbook.JobFamilies.Model;
using Handbook.Site.Serialization;

/// <summary>The JSON settings of every file under <c>api/</c>: snake_case, indented, '\n' line ends, readable non-ASCII.</summary>
public static class ExportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file, not HTML: keep non-ASCII letters readable
        Converters = { new JsonStringEnumConverter<SectionKind>(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = ExportJsonContext.Default, // source-generated metadata: no reflection emit (issue 9)
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options.TypeInfo<T>()) + "\n";

    /// <summary>
    /// The same bytes as <see cref="Serialize{T}"/> encoded as UTF-8, without the text copy: the serializer writes
    /// UTF-8 anyway, so a large export (tens of MB) is never held as a string too.
    /// </summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value)
    {
        using var buffer = new MemoryStream();
        JsonSerializer.Serialize(buffer, value, Options.TypeInfo<T>());
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
