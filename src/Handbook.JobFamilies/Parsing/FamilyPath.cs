namespace Handbook.JobFamilies.Parsing;

using System.Diagnostics.CodeAnalysis;

/// <summary>
/// Recognises job-family pages by their input-relative path and derives slug, department and URL, for both layouts
/// GitLab used: <c>job-families/&lt;dept&gt;/&lt;family&gt;.md</c> and
/// <c>job-families/&lt;dept&gt;/&lt;family&gt;/index.html.md[.erb]</c> (folders may nest).
/// </summary>
public static class FamilyPath
{
    /// <summary>The folder below the input root that holds the job families.</summary>
    public const string Root = "job-families";

    // Longest first: ".html.md.erb" must win over ".md.erb" and ".erb".
    private static readonly string[] PageExtensions = [".html.md.erb", ".html.md", ".md.erb", ".md"];

    /// <summary>
    /// True when <paramref name="inputRelativePath"/> is a job-family page. Partials (<c>_name.erb</c>,
    /// <c>_name.md</c>), non-Markdown files and files outside <c>job-families/</c> are not pages.
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
        if (fileName.StartsWith('_'))
        {
            return false;
        }

        var extension = PageExtensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (extension is null || fileName.Length == extension.Length)
        {
            return false;
        }

        var stem = fileName[..^extension.Length];
        var isIndex = string.Equals(stem, "index", StringComparison.OrdinalIgnoreCase);
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
