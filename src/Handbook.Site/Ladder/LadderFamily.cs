namespace Handbook.Site.Ladder;

using Handbook.JobFamilies.Model;
using Handbook.Site.Catalog;

/// <summary>
/// A family on its department's ladder: its levels ordered by grade (a single-role page contributes its own
/// role) and the lowest and highest numeric grade among them (null when none is graded) – the range of its
/// levels; <see cref="Specialties"/> are ordered the same way but do not count for the range.
/// </summary>
public sealed record LadderFamily(CatalogEntry Entry, IReadOnlyList<Role> Levels, decimal? LowestGrade, decimal? HighestGrade)
{
    public IReadOnlyList<Role> Specialties { get; init; } = [];
}
