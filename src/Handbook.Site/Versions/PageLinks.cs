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
        for (var at = text.IndexOf(Marker, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(Marker, at + 1, StringComparison.OrdinalIgnoreCase))
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

    private static bool IsUrlPathChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.' or '%';
}
