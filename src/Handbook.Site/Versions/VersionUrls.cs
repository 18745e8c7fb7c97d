namespace Handbook.Site.Versions;

/// <summary>Where the versions pages live (root-relative, not yet percent-encoded; see README "Versioned pages").</summary>
public static class VersionUrls
{
    public const string RecentChanges = "/job-families/recent-changes/";

    public const string ChangesFeed = "/job-families/changes.atom";

    /// <summary><c>/job-families/&lt;slug&gt;/versions/&lt;id&gt;/</c>.</summary>
    public static string Version(string familyUrl, string versionId) => familyUrl + "versions/" + versionId + "/";

    /// <summary><c>/job-families/&lt;slug&gt;/history/</c>.</summary>
    public static string History(string familyUrl) => familyUrl + "history/";
}
