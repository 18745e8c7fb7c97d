namespace Handbook.Site.Versions;

/// <summary>The versions of one family that have a page, newest first, and the family's history page.</summary>
public sealed record PublishedVersions(string HistoryUrl, IReadOnlyList<PublishedVersion> Versions)
{
    /// <summary>The newest version (the date the page last changed), or null when git knows none.</summary>
    public PublishedVersion? Latest => Versions.Count == 0 ? null : Versions[0];
}

/// <summary>One version as the export and the theme list it: id, committer date (UTC, from git), commit, subject and page URL.</summary>
public sealed record PublishedVersion(string Id, DateTimeOffset Date, string CommitSha, string Subject, string Url);
