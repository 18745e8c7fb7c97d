namespace Handbook.Site.Navigation;

using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.Site.Theming.Views;
using Handbook.Site.Urls;

/// <summary>
/// The rows of a family's "Levels at a glance" table, one per level in page order, from the model (the grades
/// pass has filled each role's grade): level, grade badge (linking to the grade table row), grade title, and the
/// grade's entry in the reverse grade index.
/// </summary>
public static class LevelsAtAGlance
{
    /// <summary>The URL of the reverse grade index (every level and specialty by grade).</summary>
    public const string GradeIndexUrl = "/job-families/grades/";

    public static IReadOnlyList<GlanceRowView> Rows(JobFamily family, bool gradeIndexExists)
    {
        ArgumentNullException.ThrowIfNull(family);
        return family.Levels
            .Select(level => new GlanceRowView(level.Name, level.Anchor, GradeOf(level), gradeIndexExists ? GradeIndexEntry(level.Grade) : null))
            .ToList();
    }

    /// <summary>The view of a role's grade (nil when the page gives none).</summary>
    public static GradeView? GradeOf(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return role.Grade is not { } grade
            ? null
            : new GradeView(grade.Value, grade.Title, grade.Track, grade.Url is null ? null : UrlPath.Encode(grade.Url), grade.Resolved);
    }

    // Only grades of the grade table have an entry; the index lists unknown grades at its end without anchors.
    private static string? GradeIndexEntry(GradeAssignment? grade) =>
        grade is { Resolved: true } && GradeId.TryParse(grade.Value, out var id) ? GradeIndexUrl + "#" + id.Anchor : null;
}
