namespace Handbook.JobFamilies.Versions.Diff;

/// <summary>Whether a role or section exists only in the newer version, only in the older one, or in both with changes.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>The differences between two versions of a page, role by role (roles of the newer version first, in its order).</summary>
public sealed record VersionDiffResult(IReadOnlyList<RoleDiff> Roles)
{
    public bool IsEmpty => Roles.Count == 0;
}

/// <summary>One role's changes: its grade change (if any) and its changed sections.</summary>
public sealed record RoleDiff(string Role, ChangeKind Kind, GradeChange? Grade, IReadOnlyList<SectionDiff> Sections);

/// <summary>A grade that changed, appeared or disappeared; <see cref="Describe"/> gives "grade 9 → 8".</summary>
public sealed record GradeChange(string? Old, string? New)
{
    public string Describe() => (Old, New) switch
    {
        (null, { } n) => $"grade {n} added",
        ({ } o, null) => $"grade {o} removed",
        _ => $"grade {Old} → {New}",
    };
}

/// <summary>A section's added, removed and reworded items (reworded: an old item replaced in place by a new one).</summary>
public sealed record SectionDiff(
    string Section,
    ChangeKind Kind,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<ItemChange> Changed);

/// <summary>An item whose text changed in place.</summary>
public sealed record ItemChange(string Old, string New);
