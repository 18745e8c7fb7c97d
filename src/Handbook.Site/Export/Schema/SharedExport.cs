namespace Handbook.Site.Export.Schema;

/// <summary>
/// What every level of a family shares: the page's own Responsibilities, Requirements and Nice-to-haves, written
/// outside all levels and specialties (above a Levels section, or as a sibling of a level heading). Why: a page with
/// levels exported only the levels' own lists, so a page whose requirements stand once for all its levels
/// (engineering/support-engineer's "## Requirements") lost them in the export.
/// </summary>
public sealed record SharedExport(
    IReadOnlyList<ItemExport> Responsibilities,
    IReadOnlyList<ItemExport> Requirements,
    IReadOnlyList<ItemExport> NiceToHaves);
