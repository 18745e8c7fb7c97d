namespace Handbook.JobFamilies.Hugo;

using Handbook.JobFamilies.Parsing;

/// <summary>
/// The URL Hugo's <c>ref</c>/<c>relref</c> shortcodes give for a content path, with this site's URL rules: the input
/// folder is Hugo's <c>content/</c>; a page is served at its path without the Markdown ending and with a trailing
/// slash; <c>_index.md</c>/<c>index.md</c> stand for their folder. A path not starting with '/' is relative to the
/// folder of the page that holds the shortcode (for <c>a/b/c.md</c> and <c>a/b/_index.md</c> alike: <c>a/b/</c>).
/// </summary>
/// <remarks>
/// Hugo, failing that, also looks a relative name up as a page anywhere in the site; this site knows only its own
/// pages, so such a ref becomes a path next to the page and the link check reports it when nothing is there.
/// Whether the target exists is the link check's business (LINK001), as for any written link.
/// </remarks>
public static class HugoRef
{
    private static readonly string[] PageEndings = [".html.md.erb", ".html.md", ".md.erb", ".md", ".html"];

    /// <summary>
    /// The URL for <paramref name="target"/> (<c>/job-families/sales/x</c>, <c>x.md#anchor</c>, <c>../y</c>,
    /// <c>#anchor</c>) as written on the page at input-relative <paramref name="pagePath"/>; null when the path is
    /// empty or climbs above the input folder.
    /// </summary>
    public static string? Resolve(string target, string pagePath)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(pagePath);
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = (hash < 0 ? target : target[..hash]).Trim();
        var anchor = hash < 0 ? string.Empty : target[hash..];
        if (path.Length == 0)
        {
            // ref "#anchor": the page itself.
            return anchor.Length > 1 && FamilyPath.TryParse(pagePath, out var self) ? self.Url + anchor : null;
        }

        var page = FamilyPath.Normalise(pagePath);
        var folder = page.Contains('/', StringComparison.Ordinal) ? page[..page.LastIndexOf('/')] : string.Empty;
        var joined = path.StartsWith('/') ? path : folder + "/" + path;
        var segments = new List<string>();
        foreach (var segment in joined.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        if (segments.Count > 0)
        {
            var last = segments[^1];
            var ending = PageEndings.FirstOrDefault(e => last.EndsWith(e, StringComparison.OrdinalIgnoreCase) && last.Length > e.Length);
            var stem = ending is null ? last : last[..^ending.Length];
            if (ending is not null && (string.Equals(stem, "index", StringComparison.OrdinalIgnoreCase) || string.Equals(stem, "_index", StringComparison.OrdinalIgnoreCase)))
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments[^1] = stem;
            }
        }

        return (segments.Count == 0 ? "/" : "/" + string.Join('/', segments) + "/") + anchor;
    }
}
