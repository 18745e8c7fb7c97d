namespace Handbook.Site.Export.Schema;

using Handbook.JobFamilies.Model;

/// <summary>Where an inherited item comes from: the role's URL (with anchor), its name and the section kind.</summary>
public sealed record InheritedFromExport(string Url, string Level, SectionKind Section);
