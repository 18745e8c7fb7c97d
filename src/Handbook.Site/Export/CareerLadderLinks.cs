namespace Handbook.Site.Export;

using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Model;
using Handbook.Site.Export.Schema;

/// <summary>
/// The links of a family's Career Ladder section as the export and the ladder pages list them
/// (<see cref="CareerLadderLinkFinder"/>: Markdown links and Mermaid <c>click</c> targets, in page order).
/// </summary>
public static class CareerLadderLinks
{
    /// <summary>
    /// Found in the section's blocks, or the ones recorded when a one-shot build let the family's tree go
    /// (<see cref="JobFamily.BodyFacts"/>).
    /// </summary>
    public static IReadOnlyList<LinkExport> Of(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return (family.BodyFacts?.CareerLadderLinks ?? CareerLadderLinkFinder.Find(family.CareerLadder))
            .Select(l => new LinkExport(l.Text, l.Url))
            .ToList();
    }

    public static IReadOnlyList<LinkExport> Find(Section? section) =>
        CareerLadderLinkFinder.Find(section).Select(l => new LinkExport(l.Text, l.Url)).ToList();
}
