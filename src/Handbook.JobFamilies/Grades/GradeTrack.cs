namespace Handbook.JobFamilies.Grades;

/// <summary>
/// A set of grade titles (the calculator's "General", "Sales/Sales Development" and "Customer Success" tables).
/// Families whose department is in <see cref="Departments"/> use this track's titles unless their front matter
/// chooses one with <c>grade_track</c>.
/// </summary>
public sealed record GradeTrack(string Id, string Name, IReadOnlyList<string> Departments)
{
    public static GradeTrack General { get; } = new(GradeTable.GeneralTrackId, "General", []);
}
