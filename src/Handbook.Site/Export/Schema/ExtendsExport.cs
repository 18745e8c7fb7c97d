namespace Handbook.Site.Export.Schema;

using System.Text.Json.Serialization;
using Handbook.JobFamilies.Model;

/// <summary>A role this role extends: its URL (with anchor), its name and the inherited section kinds.</summary>
public sealed record ExtendsExport(
    string Url,
    string Role,
    [property: JsonConverter(typeof(SectionKindListJsonConverter))] IReadOnlyList<SectionKind> Sections);
