namespace Handbook.Site.History.Settings;

/// <summary>
/// The contents of <c>input/settings.yml</c>. <see cref="RepositoryUrl"/> is the web address of the handbook's
/// repository (GitLab or GitHub), used to link a version to its commit.
/// </summary>
public sealed record SiteSettings(HistorySettings History, Uri? RepositoryUrl)
{
    public const string FileName = "settings.yml";

    public static SiteSettings Default { get; } = new(HistorySettings.Default, null);

    /// <summary>The branch "Edit this page" links open in the repository's web editor (<c>edit_branch</c>; null: not set).</summary>
    public string? EditBranch { get; init; }

    /// <summary>
    /// The input folder's path inside the repository (<c>repository_path_prefix</c>, '/'-separated, no leading or
    /// trailing '/'; "" for the repository root; null: not set, the build works it out from the <c>.git</c> folder).
    /// </summary>
    public string? RepositoryPathPrefix { get; init; }

    /// <summary>
    /// The web page of a commit: <c>…/-/commit/SHA</c> on GitLab (and self-hosted GitLab), <c>…/commit/SHA</c> on
    /// GitHub; null without <see cref="RepositoryUrl"/>.
    /// </summary>
    public Uri? CommitUrl(string sha)
    {
        ArgumentNullException.ThrowIfNull(sha);
        if (RepositoryUrl is null)
        {
            return null;
        }

        var root = RepositoryUrl.AbsoluteUri.TrimEnd('/');
        var github = RepositoryUrl.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase);
        return new Uri(root + (github ? "/commit/" : "/-/commit/") + Uri.EscapeDataString(sha));
    }
}
