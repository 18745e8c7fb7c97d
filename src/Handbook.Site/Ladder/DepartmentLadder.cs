namespace Handbook.Site.Ladder;

using System.Globalization;
using Handbook.JobFamilies.Model;
using Handbook.Site.Catalog;

/// <summary>
/// The career ladder of one department: its families from the lowest entry grade up (then by highest grade and
/// title), each with its levels ordered by grade. Families without any graded level come last, by title; a
/// level without a grade keeps its page position after the graded ones. Grades compare numerically ("9.5" sits
/// between 9 and 10), so the order holds for decimal grades too.
/// </summary>
public sealed record DepartmentLadder(Department Department, IReadOnlyList<LadderFamily> Families)
{
    public static DepartmentLadder Of(Department department)
    {
        var families = department.Families
            .Select(FamilyOf)
            .OrderBy(f => f.LowestGrade is null)
            .ThenBy(f => f.LowestGrade)
            .ThenBy(f => f.HighestGrade)
            .ThenBy(f => f.Entry.Family.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Entry.Family.Slug, StringComparer.Ordinal)
            .ToList();
        return new DepartmentLadder(department, families);
    }

    /// <summary>The numeric value of a grade as written ("9.5" → 9.5), or null when it is not a number.</summary>
    public static decimal? NumericGrade(Role role) =>
        role.Grade is { } grade && decimal.TryParse(grade.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static LadderFamily FamilyOf(CatalogEntry entry)
    {
        var family = entry.Family;
        IEnumerable<Role> roles = family.Levels.Count > 0 ? family.Levels : family.PageRole is null ? [] : [family.PageRole];
        var levels = ByGrade(roles);
        var grades = levels.Select(NumericGrade).OfType<decimal>().ToList();
        return new LadderFamily(entry, levels, grades.Count > 0 ? grades.Min() : null, grades.Count > 0 ? grades.Max() : null)
        {
            Specialties = ByGrade(family.Specialties),
        };
    }

    private static List<Role> ByGrade(IEnumerable<Role> roles) =>
        roles
            .Select((role, position) => (role, position, grade: NumericGrade(role)))
            .OrderBy(r => r.grade is null)
            .ThenBy(r => r.grade)
            .ThenBy(r => r.position)
            .Select(r => r.role)
            .ToList();
}
