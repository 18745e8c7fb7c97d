namespace Handbook.Site.Export.Schema;

/// <summary>A role's grade: the value as written; title, track and url are null until resolved against the grade data.</summary>
public sealed record GradeExport(string Value, string? Title, string? Track, string? Url);
