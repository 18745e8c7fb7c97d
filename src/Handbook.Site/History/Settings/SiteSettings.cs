namespace Handbook.Site.History.Settings;

/// <summary>
/// The contents of <c>input/settings.yml</c>. <see cref="RepositoryUrl"/> is the web address of the handbook's
/// repository (GitLab or GitHub), used to link a version to its commit.
/// </summary>
public sealed record SiteSettings(HistorySettings History, Uri? RepositoryUrl)
{
    public const string FileName = "settings.yml";

    public static SiteSettings Default { get; } = new(HistorySettings.Default, null);

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
