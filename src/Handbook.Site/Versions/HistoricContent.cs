namespace Handbook.Site.Versions;

using Handbook.JobFamilies.Versions.Diff;
using Handbook.Site.Theming.Views;

/// <summary>
/// What rendering one version produces and the render cache keeps: the family as the theme shows it (body already
/// rendered and sanitised), whether it has diagrams, the expanded model the history diff compares, and the grades
/// the page used that the grade table of its commit did not have (shown on the version and history pages).
/// Independent of the version's id and date, so identical content is rendered once.
/// </summary>
public sealed record HistoricContent(FamilyView Family, bool HasDiagrams, VersionModel Model, IReadOnlyList<string> UnknownGrades);
