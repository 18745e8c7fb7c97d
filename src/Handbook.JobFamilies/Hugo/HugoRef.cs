namespace Handbook.JobFamilies.Hugo;

using Handbook.JobFamilies.Parsing;

/// <summary>
/// The URL Hugo's <c>ref</c>/<c>relref</c> shortcodes give for a content path, with this site's URL rules: the input
/// folder is Hugo's <c>content/</c>; a page is served at its path without the Markdown ending and with a trailing
/// slash; <c>_index.md</c>/<c>index.md</c> stand for their folder. A path not starting with '/' is relative to the
/// folder of the page that holds the shortcode (for <c>a/b/c.md</c> and <c>a/b/_index.md</c> alike: <c>a/b/</c>).
/// </summary>
/// <remarks>
/// <see cref="Resolve"/> is the path arithmetic alone; <see cref="Lookup"/> also looks the path up among the input's
/// pages in Hugo's order (Hugo 0.111, the version of GitLab's 2023 handbook): next to the page, then from the input
/// folder (unless the path starts with '.'), then – for a bare name without '/' – the one page anywhere with that name.
/// </remarks>
public static class HugoRef
{
    private static readonly string[] PageEndings = [".html.md.erb", ".html.md", ".md.erb", ".md", ".html"];

    /// <summary>
    /// Looks <paramref name="target"/>, written on the page at input-relative <paramref name="pagePath"/>, up among
    /// <paramref name="pages"/> as Hugo does. A path written from '/' or with folders that names no page keeps its
    /// URL (<see cref="HugoRefOutcome.Unchecked"/>: the link check judges it, as any written link); a bare name that
    /// names no page is <see cref="HugoRefOutcome.NotInInput"/>, since Hugo would search the whole handbook for it.
    /// </summary>
    public static HugoRefResolution Lookup(string target, string pagePath, HugoPageIndex pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var relative = Resolve(target, pagePath);
        if (relative is null)
        {
            return HugoRefResolution.Of(HugoRefOutcome.Invalid);
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var path = (hash < 0 ? target : target[..hash]).Trim();
        var anchor = hash < 0 ? string.Empty : target[hash..];
        if (path.Length == 0)
        {
            return HugoRefResolution.Of(HugoRefOutcome.Found, relative);
        }

        if (pages.PageAt(WithoutAnchor(relative)) is { } nextToPage)
        {
            return HugoRefResolution.Of(HugoRefOutcome.Found, nextToPage + anchor);
        }

        // Hugo: "Many people will have post/foo.md in their content files" – a path without '/' or '.' in front is
        // also tried from the content folder; only a bare name is then searched by name.
        if (path.StartsWith('/') || path.StartsWith('.'))
        {
            return HugoRefResolution.Of(HugoRefOutcome.Unchecked, relative);
        }

        if (Resolve("/" + path, pagePath) is { } fromRoot && pages.PageAt(fromRoot) is { } rootPage)
        {
            return HugoRefResolution.Of(HugoRefOutcome.Found, rootPage + anchor);
        }

        if (path.Contains('/', StringComparison.Ordinal))
        {
            return HugoRefResolution.Of(HugoRefOutcome.Unchecked, relative);
        }

        var named = pages.PagesNamed(Stem(path));
        return named.Count switch
        {
            0 => new HugoRefResolution(HugoRefOutcome.NotInInput, null, pages.PagesNamedNear(Stem(path))),
            1 => HugoRefResolution.Of(HugoRefOutcome.Found, named[0] + anchor),
            _ => new HugoRefResolution(HugoRefOutcome.Ambiguous, null, named),
        };
    }

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
            var stem = Stem(last);
            if (stem.Length != last.Length && (string.Equals(stem, "index", StringComparison.OrdinalIgnoreCase) || string.Equals(stem, "_index", StringComparison.OrdinalIgnoreCase)))
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

    /// <summary>A file name without its page ending (<c>x.md</c>: <c>x</c>); the name itself when it has none.</summary>
    private static string Stem(string name)
    {
        var ending = PageEndings.FirstOrDefault(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase) && name.Length > e.Length);
        return ending is null ? name : name[..^ending.Length];
    }

    private static string WithoutAnchor(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? url : url[..hash];
    }
}
