namespace Handbook.JobFamilies.Parsing;

using Handbook.JobFamilies.Model;

/// <summary>
/// What a heading title means (see <see cref="HeadingClassifier"/>).
/// </summary>
/// <param name="Kind">The section kind; <see cref="SectionKind.Other"/> for free titles such as a level's name.</param>
/// <param name="Prefix">Text before the keyword, e.g. "Senior Solutions Architect" in
/// "Senior Solutions Architect Job Grade"; empty for a generic heading.</param>
/// <param name="AlsoRequirements">"… Responsibilities &amp; Requirements": the section fills both.</param>
/// <param name="Misspelt">The keyword as written when it is a typo (e.g. "Responsibilties"), else null.</param>
/// <param name="Suggestion">The correct spelling of <paramref name="Misspelt"/>.</param>
public sealed record HeadingClassification(
    SectionKind Kind,
    string Prefix,
    bool AlsoRequirements = false,
    string? Misspelt = null,
    string? Suggestion = null)
{
    public static readonly HeadingClassification Other = new(SectionKind.Other, string.Empty);

    /// <summary>Kinds that describe one role (a role's own sections).</summary>
    public bool IsRoleSection => Kind is SectionKind.Responsibilities or SectionKind.Requirements
        or SectionKind.NiceToHaves or SectionKind.JobGrade or SectionKind.PerformanceIndicators;
}
