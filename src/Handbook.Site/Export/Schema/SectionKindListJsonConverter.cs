namespace Handbook.Site.Export.Schema;

using System.Text.Json;
using System.Text.Json.Serialization;
using Handbook.JobFamilies.Model;

/// <summary>
/// Writes and reads a list of section kinds as a JSON array of their snake-case names (<c>["responsibilities",
/// "nice_to_haves"]</c>), exactly as System.Text.Json's collection converter with the export's
/// <c>JsonStringEnumConverter(SnakeCaseLower)</c> does (the writer's options decide indentation).
/// </summary>
/// <remarks>
/// Why not the built-in converters: the collection converter is a generic class over the element type
/// (<c>JsonCollectionConverter&lt;TCollection, SectionKind&gt;</c>) reached through virtual calls, which the composite
/// ReadyToRun image does not hold, so every build JIT-compiled ≈ 10 of its methods to write the export's
/// <c>extends</c> lists (issue 9). This class is ours and precompiled.
/// </remarks>
public sealed class SectionKindListJsonConverter : JsonConverter<IReadOnlyList<SectionKind>>
{
    public override IReadOnlyList<SectionKind> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected an array of section kinds, found {reader.TokenType}");
        }

        var kinds = new List<SectionKind>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var name = reader.GetString();
            kinds.Add(KindOf(name) ?? throw new JsonException($"unknown section kind '{name}'"));
        }

        return kinds;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<SectionKind> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            writer.WriteStringValue(NameOf(value[i]));
        }

        writer.WriteEndArray();
    }

    /// <summary>The name <c>JsonNamingPolicy.SnakeCaseLower</c> gives the member (a test compares every member).</summary>
    public static string NameOf(SectionKind kind) => kind switch
    {
        SectionKind.Other => "other",
        SectionKind.Levels => "levels",
        SectionKind.Specialties => "specialties",
        SectionKind.Responsibilities => "responsibilities",
        SectionKind.Requirements => "requirements",
        SectionKind.NiceToHaves => "nice_to_haves",
        SectionKind.PerformanceIndicators => "performance_indicators",
        SectionKind.CareerLadder => "career_ladder",
        SectionKind.HiringProcess => "hiring_process",
        SectionKind.JobGrade => "job_grade",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a section kind"),
    };

    private static SectionKind? KindOf(string? name) => name switch
    {
        "other" => SectionKind.Other,
        "levels" => SectionKind.Levels,
        "specialties" => SectionKind.Specialties,
        "responsibilities" => SectionKind.Responsibilities,
        "requirements" => SectionKind.Requirements,
        "nice_to_haves" => SectionKind.NiceToHaves,
        "performance_indicators" => SectionKind.PerformanceIndicators,
        "career_ladder" => SectionKind.CareerLadder,
        "hiring_process" => SectionKind.HiringProcess,
        "job_grade" => SectionKind.JobGrade,
        _ => null,
    };
}
