namespace Handbook.JobFamilies.Grades;

using Handbook.JobFamilies.Model;

/// <summary>
/// The reverse index for <c>/job-families/grades/</c>: every grade of the data with every level, specialty or
/// page role at that grade across all families, in department, family and page order. Built from
/// <see cref="Role.Grade"/> after the grades pass. Roles whose grade is not in the data are listed apart.
/// </summary>
public static class GradeIndex
{
    public static GradeIndexModel Build(IEnumerable<JobFamily> families, GradeTable table)
    {
        var byGrade = table.Grades.ToDictionary(g => g.Id, _ => new List<GradeIndexRole>());
        var unknown = new List<GradeIndexRole>();
        var ordered = families
            .OrderBy(f => f.Department, StringComparer.Ordinal)
            .ThenBy(f => f.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Slug, StringComparer.Ordinal);
        foreach (var family in ordered)
        {
            foreach (var role in family.Roles.Where(r => r.Grade is not null))
            {
                var grade = role.Grade!;
                var entry = new GradeIndexRole(
                    grade.Value,
                    family.Title,
                    family.Url,
                    family.Department,
                    role.Name,
                    role.Kind.ToString().ToLowerInvariant(),
                    role.Anchor.Length > 0 ? family.Url + "#" + role.Anchor : family.Url,
                    grade.Track ?? GradeTable.GeneralTrackId,
                    grade.Title);
                if (GradeId.TryParse(grade.Value, out var id) && byGrade.TryGetValue(id, out var list))
                {
                    list.Add(entry);
                }
                else
                {
                    unknown.Add(entry);
                }
            }
        }

        var grades = table.Grades
            .Select(g => new GradeIndexEntry(
                g.Id.Text,
                g.Id.Anchor,
                g.Title,
                table.Tracks.Where(t => t.Id != GradeTable.GeneralTrackId && g.Titles.ContainsKey(t.Id))
                    .Select(t => new GradeTrackTitle(t.Id, t.Name, g.Titles[t.Id]))
                    .ToList(),
                g.CareerTrack,
                g.Equivalent,
                g.Note,
                byGrade[g.Id]))
            .ToList();
        return new GradeIndexModel(grades, unknown);
    }
}

/// <summary>The grades page model: grades in ascending order, and roles whose grade is not in the data.</summary>
public sealed record GradeIndexModel(IReadOnlyList<GradeIndexEntry> Grades, IReadOnlyList<GradeIndexRole> UnknownGrades);

/// <summary>One grade: id as written, its HTML id (<c>grade-9-5</c>), titles and the roles at that grade.</summary>
public sealed record GradeIndexEntry(
    string Id,
    string Anchor,
    string Title,
    IReadOnlyList<GradeTrackTitle> TrackTitles,
    string? CareerTrack,
    string? Equivalent,
    string? Note,
    IReadOnlyList<GradeIndexRole> Roles);

/// <summary>A grade's title in a non-general track.</summary>
public sealed record GradeTrackTitle(string Track, string TrackName, string Title);

/// <summary>A role at a grade: where it is (family, URL with the role's anchor) and the title its track gives the grade.</summary>
public sealed record GradeIndexRole(
    string Grade,
    string Family,
    string FamilyUrl,
    string Department,
    string Role,
    string Kind,
    string Url,
    string Track,
    string? Title);
