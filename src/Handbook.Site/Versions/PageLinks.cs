namespace Handbook.Site.Versions;

/// <summary>
/// The job-family URLs a page's source text mentions (<c>/job-families/…</c>, also inside absolute
/// about.gitlab.com links). An "extends" statement reaches another page only through such a link, so the pages a
/// version depends on are a subset of these: rendering a version with them, and putting their blobs into its cache
/// key, is safe (a few more pages than needed, never fewer).
/// </summary>
public static class PageLinks
{
    private const string Marker = "/job-families/";

    public static IReadOnlyList<string> FamilyUrls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        for (var at = NextMarker(text, 0); at >= 0; at = NextMarker(text, at + 1))
        {
            var end = at + Marker.Length;
            while (end < text.Length && IsUrlPathChar(text[end]))
            {
                end++;
            }

            if (end > at + Marker.Length)
            {
                urls.Add(text[at..end]);
            }
        }

        return urls.ToList();
    }

    /// <summary>
    /// Where the marker next occurs (ignoring case, as <c>IndexOf(…, OrdinalIgnoreCase)</c> finds it) at or after
    /// <paramref name="from"/>, or -1. The marker starts with '/', a character only '/' equals ignoring case, so the
    /// candidates are the slashes, found by a vectorised search; each is compared with the marker ignoring case. Every
    /// version's blob is scanned (issue 9): the case-insensitive search folded every character of every page (≈ 20 ms
    /// of CPU a versioned build of the replayed history).
    /// </summary>
    internal static int NextMarker(string text, int from)
    {
        var span = text.AsSpan();
        for (var at = from; at <= text.Length - Marker.Length; at++)
        {
            var slash = span[at..].IndexOf('/');
            if (slash < 0)
            {
                return -1;
            }

            at += slash;
            if (at > text.Length - Marker.Length)
            {
                return -1;
            }

            if (span.Slice(at, Marker.Length).Equals(Marker, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool IsUrlPathChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.' or '%';
}
