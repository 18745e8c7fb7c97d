namespace Handbook.JobFamilies.Versions;

/// <summary>
/// The versions of one job family, newest first. <see cref="CurrentPath"/> (input-relative, '/'-separated) is the
/// family's identity: its path at HEAD, kept across renames and moves between departments.
/// </summary>
public sealed record FamilyHistory(string CurrentPath, IReadOnlyList<PageVersion> Versions);
