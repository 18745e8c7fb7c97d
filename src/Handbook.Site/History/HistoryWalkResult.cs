namespace Handbook.Site.History;

using Handbook.JobFamilies.Versions;

/// <summary>
/// The outcome of one walk: every family present at HEAD with its versions (newest first, not yet folded),
/// sorted by current path; the commits that changed the grade data; how many commits were visited.
/// </summary>
public sealed record HistoryWalkResult(
    IReadOnlyList<FamilyHistory> Families,
    IReadOnlyList<GradeDataChange> GradeDataChanges,
    int CommitCount,
    bool IsShallow)
{
    public static HistoryWalkResult Empty { get; } = new([], [], 0, false);

    /// <summary>The history of the family whose path at HEAD is <paramref name="currentPath"/>, or null.</summary>
    public FamilyHistory? Find(string currentPath) =>
        Families.FirstOrDefault(f => string.Equals(f.CurrentPath, currentPath, StringComparison.Ordinal));
}
