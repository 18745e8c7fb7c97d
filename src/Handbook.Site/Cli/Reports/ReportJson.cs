namespace Handbook.Site.Cli.Reports;

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

/// <summary>
/// Writes a JSON report with <see cref="Utf8JsonWriter"/>: properties in a fixed, documented order, two-space
/// indentation, '\n' line ends and readable non-ASCII (a file for tools, never embedded in HTML).
/// </summary>
internal static class ReportJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter writer, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Write('\n');
    }
}
