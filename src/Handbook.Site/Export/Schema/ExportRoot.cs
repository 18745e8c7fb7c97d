namespace Handbook.Site.Export.Schema;

/// <summary>The root of <c>api/job-families.json</c>: <c>{ "families": [ … ] }</c>.</summary>
public sealed record ExportRoot(IReadOnlyList<FamilyExport> Families);
