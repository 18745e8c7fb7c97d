namespace Handbook.JobFamilies.Parsing;

using System.Diagnostics.CodeAnalysis;

/// <summary>
/// Recognises job-family pages by their input-relative path and derives slug, department and URL, for both layouts
/// GitLab used: <c>job-families/&lt;dept&gt;/&lt;family&gt;.md</c> and
/// <c>job-families/&lt;dept&gt;/&lt;family&gt;/index.html.md[.erb]</c> (folders may nest), and the Hugo-era handbook's
/// <c>job-families/&lt;dept&gt;/&lt;family&gt;/_index.md</c> (a folder's own page, whose other files are its level pages).
/// </summary>
public static class FamilyPath
{
    /// <summary>The folder below the input root that holds the job families.</summary>
    public const string Root = "job-families";

    private const string HugoIndexStem = "_index";

    // Longest first: ".html.md.erb" must win over ".md.erb" and ".erb".
    private static readonly string[] PageExtensions = [".html.md.erb", ".html.md", ".md.erb", ".md"];

    /// <summary>
    /// True when <paramref name="inputRelativePath"/> is a job-family page. Partials (<c>_name.erb</c>,
    /// <c>_name.md</c>, but not Hugo's <c>_index.md</c>), non-Markdown files and files outside <c>job-families/</c>
    /// are not pages.
    /// </summary>
    public static bool TryParse(string inputRelativePath, [NotNullWhen(true)] out FamilyPathInfo? info)
    {
        info = null;
        if (string.IsNullOrWhiteSpace(inputRelativePath))
        {
            return false;
        }

        var path = Normalise(inputRelativePath);
        if (!path.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var segments = path[(Root.Length + 1)..].Split('/');
        if (segments.Any(s => s.Length == 0 || s is "." or ".."))
        {
            return false;
        }

        var fileName = segments[^1];
        if (IsPartialFileName(fileName))
        {
            return false;
        }

        var extension = PageExtensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (extension is null || fileName.Length == extension.Length)
        {
            return false;
        }

        var stem = fileName[..^extension.Length];
        var isIndex = string.Equals(stem, "index", StringComparison.OrdinalIgnoreCase)
            || string.Equals(stem, HugoIndexStem, StringComparison.OrdinalIgnoreCase);
        var slugSegments = isIndex ? segments[..^1] : [.. segments[..^1], stem];
        if (slugSegments.Length == 0)
        {
            // job-families/index.md is the overview of all families, not a family page.
            return false;
        }

        var slug = string.Join('/', slugSegments);
        info = new FamilyPathInfo(
            SourcePath: path,
            Slug: slug,
            Department: slugSegments[0],
            Url: UrlOf(slug),
            IsDepartmentIndex: slugSegments.Length == 1,
            IsFolderIndex: isIndex,
            IsErb: extension.EndsWith(".erb", StringComparison.OrdinalIgnoreCase));
        return true;
    }

    /// <summary>
    /// True for a partial's file name: it starts with '_' – except Hugo's <c>_index.md</c> (any page ending), which is
    /// the page of its folder. Hugo calls it a "branch bundle" index; GitLab's handbook has used it for job families
    /// split into one file per level since 2023, and treating it as a partial dropped the family page silently.
    /// </summary>
    public static bool IsPartialFileName(string fileName) =>
        fileName.StartsWith('_') && !IsHugoIndexFileName(fileName);

    /// <summary>True for <c>_index.md</c>, <c>_index.html.md</c>, <c>_index.md.erb</c>, <c>_index.html.md.erb</c> (any case).</summary>
    public static bool IsHugoIndexFileName(string fileName)
    {
        var extension = PageExtensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        return extension is not null
            && string.Equals(fileName[..^extension.Length], HugoIndexStem, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The pretty URL of a slug: <c>/job-families/&lt;slug&gt;/</c>.</summary>
    public static string UrlOf(string slug) => $"/{Root}/{slug.Trim('/')}/";

    /// <summary>'\' → '/', no leading "./" or "/".</summary>
    public static string Normalise(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p.TrimStart('/');
    }
}
