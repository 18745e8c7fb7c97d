namespace Handbook.Site.Compare;

using Handbook.JobFamilies.Model;

/// <summary>
/// One kind of section (responsibilities, requirements, …) of every level, aligned: each row holds one bullet and
/// the levels that list it (<see cref="MatrixRow.Cells"/>, one per level, null where a level does not).
/// </summary>
public sealed record ComparedSection(SectionKind Kind, IReadOnlyList<MatrixRow> Rows);
