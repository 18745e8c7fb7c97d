namespace Handbook.Site.Ladder;

using System.Globalization;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Collections;
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
        // Stable sorts by a comparison instead of OrderBy over bool and decimal? keys: see StableSort for why.
        var families = StableSort.ToSortedList(department.Families.Select(FamilyOf), CompareFamilies);
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

    // Graded families first, by lowest then highest grade, then by title and slug (the order OrderBy/ThenBy gave).
    private static int CompareFamilies(LadderFamily x, LadderFamily y)
    {
        var byGraded = (x.LowestGrade is null).CompareTo(y.LowestGrade is null);
        if (byGraded != 0)
        {
            return byGraded;
        }

        var byLowest = CompareGrades(x.LowestGrade, y.LowestGrade);
        if (byLowest != 0)
        {
            return byLowest;
        }

        var byHighest = CompareGrades(x.HighestGrade, y.HighestGrade);
        if (byHighest != 0)
        {
            return byHighest;
        }

        var byTitle = StringComparer.OrdinalIgnoreCase.Compare(x.Entry.Family.Title, y.Entry.Family.Title);
        return byTitle != 0 ? byTitle : StringComparer.Ordinal.Compare(x.Entry.Family.Slug, y.Entry.Family.Slug);
    }

    // What Comparer<decimal?>.Default says: no grade sorts before any grade.
    private static int CompareGrades(decimal? x, decimal? y) =>
        x is { } left ? (y is { } right ? left.CompareTo(right) : 1) : (y is null ? 0 : -1);

    // Graded roles by grade, then the ungraded ones; equal grades keep their page position (the sort is stable).
    private static List<Role> ByGrade(IEnumerable<Role> roles)
    {
        var graded = StableSort.ToSortedList(roles.Select(role => new GradedRole(role, NumericGrade(role))), CompareGradedRoles);
        return graded.ConvertAll(r => r.Role);
    }

    private static int CompareGradedRoles(GradedRole x, GradedRole y)
    {
        var byGraded = (x.Grade is null).CompareTo(y.Grade is null);
        return byGraded != 0 ? byGraded : CompareGrades(x.Grade, y.Grade);
    }

    /// <summary>A role with its numeric grade, parsed once for the sort (a class: see <see cref="StableSort"/>).</summary>
    private sealed record GradedRole(Role Role, decimal? Grade);
}
