namespace Handbook.Site.Export.Schema;

/// <summary>
/// One version of a family in the export: its id (<c>2022-09-15-e66952b</c>), the committer date (UTC, RFC 3339,
/// from git), the full commit sha, the commit subject and the root-relative URL of the version's page.
/// </summary>
public sealed record VersionExport(string Id, string Date, string Commit, string Subject, string Url);
