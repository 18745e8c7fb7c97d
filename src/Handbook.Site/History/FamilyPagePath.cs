namespace Handbook.Site.History;

using Handbook.JobFamilies.Parsing;

/// <summary>
/// Which input-relative paths are job-family pages (the files whose versions are tracked), and the key that
/// recognises a family moved to another department.
/// </summary>
public static class FamilyPagePath
{
    public const string Root = "job-families/";

    /// <summary>
    /// True for <c>job-families/**/*.md</c> and <c>*.md.erb</c> (which covers GitLab's <c>index.html.md[.erb]</c>),
    /// except partials (<c>_name.md</c>, <c>_name.erb</c>; Hugo's <c>_index.md</c> is a page).
    /// </summary>
    public static bool IsPage(string path)
    {
        if (!path.StartsWith(Root, StringComparison.Ordinal))
        {
            return false;
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        return !FamilyPath.IsPartialFileName(name)
            && (name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".md.erb", StringComparison.Ordinal));
    }

    /// <summary>
    /// The page's slug without its department and file-name form: <c>job-families/engineering/product-designer/index.html.md</c>
    /// and <c>job-families/product/product-designer.md</c> both give <c>product-designer</c>; a department's own
    /// index page gives the empty string. Used to pair a deleted and an added page of one commit as a move when git's
    /// rename detection did not (the page was also heavily edited).
    /// </summary>
    public static string MoveKey(string path)
    {
        var rest = path.StartsWith(Root, StringComparison.Ordinal) ? path[Root.Length..] : path;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        rest = slash < 0 ? string.Empty : rest[(slash + 1)..];
        foreach (var suffix in (string[])[".erb", ".html.md", ".md"])
        {
            if (rest.EndsWith(suffix, StringComparison.Ordinal))
            {
                rest = rest[..^suffix.Length];
            }
        }

        return rest is "index" or "_index" ? string.Empty
            : rest.EndsWith("/index", StringComparison.Ordinal) ? rest[..^"/index".Length]
            : rest.EndsWith("/_index", StringComparison.Ordinal) ? rest[..^"/_index".Length]
            : rest;
    }
}
