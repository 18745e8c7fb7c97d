namespace Handbook.JobFamilies.Grades;

using System.Text.Json.Serialization;
using Handbook.JobFamilies.Model;

/// <summary>
/// <c>api/job-grades.json</c>: the grade data as JSON (a mirror of <c>job-grades.yml</c> plus each grade's URL).
/// Property names are fixed by attributes, so any <c>JsonSerializerOptions</c> give the documented shape.
/// </summary>
public sealed record JobGradesJson(
    [property: JsonPropertyName("tracks")] IReadOnlyList<JobGradesTrackJson> Tracks,
    [property: JsonPropertyName("grades")] IReadOnlyList<JobGradesGradeJson> Grades)
{
    public static JobGradesJson From(GradeTable table) =>
        new(
            table.Tracks.Select(t => new JobGradesTrackJson(t.Id, t.Name, t.Departments)).ToList(),
            table.Grades.Select(g => new JobGradesGradeJson(
                g.Id.Text,
                g.Title,
                g.Titles.Count == 0 ? null : new SortedDictionary<string, string>(g.Titles.ToDictionary(), StringComparer.Ordinal),
                g.CareerTrack,
                g.Equivalent,
                g.Note,
                GradeTable.UrlOf(g.Id))).ToList());
}

public sealed record JobGradesTrackJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("departments")] IReadOnlyList<string> Departments);

public sealed record JobGradesGradeJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("titles"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Titles,
    [property: JsonPropertyName("track"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Track,
    [property: JsonPropertyName("equivalent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Equivalent,
    [property: JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note,
    [property: JsonPropertyName("url")] string Url);

/// <summary>
/// A role's grade in a family's JSON: <c>{ "value": "7", "title": "Senior", "track": "general", "url": "…#grade-7" }</c>.
/// Title and URL are null for a grade that is not in the data (the page is still built; GRADE001 says why).
/// </summary>
public sealed record RoleGradeJson(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("track")] string? Track,
    [property: JsonPropertyName("url")] string? Url)
{
    public static RoleGradeJson? From(GradeAssignment? grade) =>
        grade is null ? null : new(grade.Value, grade.Title, grade.Track, grade.Url);
}
