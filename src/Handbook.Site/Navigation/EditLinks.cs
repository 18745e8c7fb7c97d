namespace Handbook.Site.Navigation;

using Handbook.Site.History.Settings;

/// <summary>
/// "Edit this page": the source file of a page opened in the repository's web editor, as the handbook does
/// (<c>&lt;repository_url&gt;/-/edit/&lt;branch&gt;/&lt;path&gt;</c> on GitLab, <c>…/edit/…</c> on github.com).
/// Only exists when <c>input/settings.yml</c> names a <c>repository_url</c>.
/// </summary>
public sealed record EditLinks(Uri RepositoryUrl, string Branch, string PathPrefix)
{
    public const string DefaultBranch = "main";

    /// <summary>
    /// The edit links the settings describe, or null without <c>repository_url</c>. Without
    /// <c>repository_path_prefix</c> the prefix is the input folder's place in its git work tree
    /// (<see cref="RepositoryFolder.PathOf"/>).
    /// </summary>
    public static EditLinks? From(SiteSettings settings, string inputFolder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.RepositoryUrl is null
            ? null
            : new EditLinks(settings.RepositoryUrl, settings.EditBranch ?? DefaultBranch, settings.RepositoryPathPrefix ?? RepositoryFolder.PathOf(inputFolder));
    }

    /// <summary>The web-editor URL of an input-relative source path such as <c>job-families/sales/x.md</c>.</summary>
    public string UrlOf(string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        var root = RepositoryUrl.AbsoluteUri.TrimEnd('/');
        var github = RepositoryUrl.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase);
        var path = PathPrefix.Length == 0 ? sourcePath : PathPrefix + "/" + sourcePath;
        return root + (github ? "/edit/" : "/-/edit/") + EncodeSegments(Branch) + "/" + EncodeSegments(path);
    }

    // Branches and paths may hold '/', spaces or non-ASCII letters: each segment is escaped, the slashes stay.
    private static string EncodeSegments(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
