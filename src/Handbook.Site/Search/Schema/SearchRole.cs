namespace Handbook.Site.Search.Schema;

using System.Text.Json.Serialization;
using Handbook.JobFamilies.Model;

/// <summary>
/// A level, specialty or the page's own role. <see cref="Anchor"/> is the heading id ("" for the page role);
/// <see cref="Grade"/> is the grade as written ("9.5") and <see cref="GradeTitle"/> its title in the role's track
/// (null when unknown); <see cref="Items"/> are positions in <see cref="SearchIndexRoot.Texts"/> of the role's
/// responsibilities, requirements and nice-to-haves, inherited bullets included (written by
/// <see cref="PositionListJsonConverter"/>: see there why).
/// </summary>
public sealed record SearchRole(
    string Name,
    string Anchor,
    RoleKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Grade,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GradeTitle,
    [property: JsonConverter(typeof(PositionListJsonConverter))] IReadOnlyList<int> Items);
