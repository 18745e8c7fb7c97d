namespace Handbook.Site.Compare;

using Handbook.JobFamilies.Model;

/// <summary>The aligned rows of one kind of section (responsibilities, requirements, …) of two levels.</summary>
public sealed record ComparedSection(SectionKind Kind, IReadOnlyList<ComparedRow> Rows);
