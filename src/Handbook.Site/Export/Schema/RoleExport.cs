namespace Handbook.Site.Export.Schema;

/// <summary>A level or specialty with its grade (null when the page gives none) and its lists.</summary>
public sealed record RoleExport(
    string Name,
    string Anchor,
    GradeExport? Grade,
    IReadOnlyList<ItemExport> Overview,
    IReadOnlyList<ItemExport> Responsibilities,
    IReadOnlyList<ItemExport> Requirements,
    IReadOnlyList<ItemExport> NiceToHaves,
    IReadOnlyList<ExtendsExport> Extends);
