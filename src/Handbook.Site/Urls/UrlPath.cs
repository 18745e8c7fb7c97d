namespace Handbook.Site.Urls;

/// <summary>
/// Turns site paths (which may hold spaces or non-ASCII letters when a file is named that way) into URLs that are
/// valid in <c>href</c> and in <c>sitemap.xml</c>, and joins them with the base URL.
/// </summary>
public static class UrlPath
{
    /// <summary>Percent-encodes each segment of a root-relative path, keeping '/' and an existing '#fragment'.</summary>
    public static string Encode(string path)
    {
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var pathPart = hash < 0 ? path : path[..hash];
        var fragment = hash < 0 ? string.Empty : path[hash..];
        var segments = pathPart.Split('/').Select(s => Uri.EscapeDataString(Uri.UnescapeDataString(s)));
        return string.Join('/', segments) + fragment;
    }

    /// <summary>The absolute URL of a root-relative path, or the encoded path itself when no base URL is known.</summary>
    public static string Absolute(string? baseUrl, string path)
    {
        var encoded = Encode(path);
        return string.IsNullOrEmpty(baseUrl) ? encoded : baseUrl.TrimEnd('/') + encoded;
    }

    /// <summary>The output file of a pretty URL: <c>/job-families/a/</c> → <c>job-families/a/index.html</c>.</summary>
    public static string OutputFileOf(string url)
    {
        var trimmed = url.Trim('/');
        return trimmed.Length == 0 ? "index.html" : trimmed + "/index.html";
    }
}
