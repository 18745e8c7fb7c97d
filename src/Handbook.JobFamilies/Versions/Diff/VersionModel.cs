namespace Handbook.JobFamilies.Versions.Diff;

/// <summary>
/// What <see cref="VersionDiff"/> compares: the roles of one version of a page. A plain DTO so the diff stays pure;
/// the integrator maps a parsed <c>JobFamily</c> (levels, specialties, page role) to it.
/// </summary>
public sealed record VersionModel(IReadOnlyList<RoleModel> Roles);

/// <summary>A role with its grade as written ("9", "9.5"; null when the role has none) and its sections.</summary>
public sealed record RoleModel(string Name, string? Grade, IReadOnlyList<SectionModel> Sections);

/// <summary>A section of a role (e.g. "Responsibilities") and its items as plain text, in page order.</summary>
public sealed record SectionModel(string Title, IReadOnlyList<string> Items);
