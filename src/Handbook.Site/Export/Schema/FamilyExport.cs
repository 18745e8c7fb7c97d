namespace Handbook.Site.Export.Schema;

/// <summary>
/// One job family (department and folder index pages are not exported). <c>source</c> is the input-relative path;
/// a single-role page exports its role as its only level. <c>shared</c> is null unless the family has levels and its
/// page-level lists hold a bullet.
/// </summary>
public sealed record FamilyExport(
    string Title,
    string? Description,
    string Department,
    string Url,
    string Source,
    IReadOnlyList<RoleExport> Levels,
    IReadOnlyList<RoleExport> Specialties,
    SharedExport? Shared,
    CareerLadderExport CareerLadder)
{
    /// <summary>The family's versions from git history, newest first (absent when the build reads no history).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<VersionExport>? Versions { get; init; }
}
