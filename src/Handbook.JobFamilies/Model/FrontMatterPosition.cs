namespace Handbook.JobFamilies.Model;

/// <summary>
/// Where a front-matter key's value is written in the file (1-based line and column; the key's own position when
/// the value is empty), so a diagnostic about a value read later – an unknown <c>grade_track</c> – points at it.
/// </summary>
public readonly record struct FrontMatterPosition(int Line, int Column);
