namespace Handbook.Site.Tests.Export;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Handbook.JobFamilies.Model;
using Handbook.Site.Export.Schema;

/// <summary>
/// <see cref="SectionKindListJsonConverter"/> writes exactly what System.Text.Json's collection converter with the
/// export's <c>JsonStringEnumConverter(SnakeCaseLower)</c> wrote for an <c>extends</c> entry's section kinds (so
/// <c>api/job-families.json</c> stays byte-identical), for every kind, compact or indented, and reads it back.
/// </summary>
public sealed class SectionKindListJsonConverterTests
{
    public static TheoryData<bool> Indentation() => new() { false, true };

    [Theory]
    [MemberData(nameof(Indentation))]
    public void Given_every_section_kind_When_written_Then_the_bytes_are_the_built_in_converters_and_read_back_equal(bool indented)
    {
        // Given: every member, and an empty list
        IReadOnlyList<SectionKind> all = Enum.GetValues<SectionKind>().ToList();
        IReadOnlyList<SectionKind> none = [];
        var builtIn = new JsonSerializerOptions
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
        var ours = new JsonSerializerOptions(builtIn);
        ours.Converters.Insert(0, new SectionKindListJsonConverter());

        // When / Then
        foreach (var list in new[] { all, none })
        {
            var written = JsonSerializer.Serialize(list, ours);
            Assert.Equal(JsonSerializer.Serialize(list, builtIn), written);
            Assert.Equal(list, JsonSerializer.Deserialize<IReadOnlyList<SectionKind>>(written, ours));
        }
    }

    [Fact]
    public void Given_an_extends_entry_When_serialised_with_the_export_options_Then_its_sections_are_snake_case_names()
    {
        // Given
        var entry = new ExtendsExport("/job-families/x/#senior", "Senior Widget Maker", [SectionKind.Responsibilities, SectionKind.NiceToHaves]);

        // When
        var json = Handbook.Site.Export.ExportJson.Serialize(entry);

        // Then
        Assert.Contains("\"sections\": [\n    \"responsibilities\",\n    \"nice_to_haves\"\n  ]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_unknown_name_or_no_array_When_read_Then_it_is_refused()
    {
        var ours = new JsonSerializerOptions { Converters = { new SectionKindListJsonConverter() } };

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IReadOnlyList<SectionKind>>("[\"widgets\"]", ours));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IReadOnlyList<SectionKind>>("{\"a\":1}", ours));
    }
}
