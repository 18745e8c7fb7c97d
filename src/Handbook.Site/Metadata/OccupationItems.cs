namespace Handbook.Site.Metadata;

using Handbook.JobFamilies.Model;

/// <summary>
/// The bullets a family page's JSON-LD <c>Occupation</c> lists (<see cref="StructuredData.ItemsOf"/>): its
/// responsibilities and – from its requirements – skills. Kept for a family whose bullets go before its page is
/// rendered (a batched build makes the family's other outputs in its batch and lets the bullets go there, issue 9):
/// one role's texts instead of every bullet of the family.
/// </summary>
/// <param name="Responsibilities">The items of <see cref="SectionKind.Responsibilities"/>.</param>
/// <param name="Skills">The items of <see cref="SectionKind.Requirements"/>.</param>
public sealed record OccupationItems(IReadOnlyList<string> Responsibilities, IReadOnlyList<string> Skills)
{
    /// <summary>What <see cref="StructuredData.ForFamily"/> lists for <paramref name="family"/> (read from its bullets now).</summary>
    public static OccupationItems Of(JobFamily family) =>
        new(StructuredData.ItemsOf(family, SectionKind.Responsibilities), StructuredData.ItemsOf(family, SectionKind.Requirements));
}
