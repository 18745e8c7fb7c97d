namespace Handbook.Site.Preview;

/// <summary>
/// The path of a request, checked for safety before any file-system access. Works on the raw request target,
/// not on Kestrel's normalised path: Kestrel removes <c>..</c> segments silently, and a preview must refuse them
/// (400) rather than serve a different file than the one asked for.
/// </summary>
public sealed record RequestTarget(IReadOnlyList<string> Segments, bool TrailingSlash, string Query)
{
    // Enough rounds to see through double and triple encoding (%252e%252e); more is not a real URL.
    private const int DecodeRounds = 4;

    /// <summary>The decoded path, '/'-joined, with a leading slash (and the trailing one if the request had it).</summary>
    public string Path => Segments.Count == 0 ? "/" : "/" + string.Join('/', Segments) + (TrailingSlash ? "/" : string.Empty);

    /// <summary>Parses a raw target such as <c>/a/b/?x=1</c>; null when it is unsafe or malformed (answer 400).</summary>
    public static RequestTarget? Parse(string rawTarget)
    {
        if (string.IsNullOrEmpty(rawTarget) || rawTarget[0] != '/')
        {
            return null; // absolute-form (http://…), authority-form and '*' are not pages of this site
        }

        var queryStart = rawTarget.IndexOfAny(['?', '#']);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart < 0 || rawTarget[queryStart] == '#' ? string.Empty : rawTarget[queryStart..];
        if (rawPath.Length > 1 && rawPath[1] == '/')
        {
            return null; // "//host/x" or "//etc/passwd": an absolute path in disguise
        }

        var parts = rawPath[1..].Split('/');
        var trailingSlash = parts.Length > 0 && parts[^1].Length == 0 && rawPath.Length > 1;
        var count = trailingSlash || rawPath.Length == 1 ? parts.Length - 1 : parts.Length;
        var segments = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var segment = DecodeSegment(parts[i]);
            if (segment is null || (i == 0 && LooksLikeDrive(segment)))
            {
                return null;
            }

            segments.Add(segment);
        }

        return new RequestTarget(segments, trailingSlash, query);
    }

    /// <summary>Decodes one segment once (the name on disk); null when any decoding round reveals something unsafe.</summary>
    private static string? DecodeSegment(string raw)
    {
        if (raw.Length == 0)
        {
            return null; // "a//b": empty segments never name a file
        }

        string? once = null;
        var current = raw;
        for (var round = 0; round < DecodeRounds; round++)
        {
            if (IsUnsafe(current))
            {
                return null;
            }

            var decoded = Uri.UnescapeDataString(current);
            once ??= decoded;
            if (decoded == current)
            {
                break;
            }

            current = decoded;
        }

        return IsUnsafe(current) ? null : once;
    }

    private static bool IsUnsafe(string segment) =>
        segment is "." or ".." ||
        segment.Contains('/', StringComparison.Ordinal) ||
        segment.Contains('\\', StringComparison.Ordinal) ||
        segment.Contains('\0', StringComparison.Ordinal) ||
        segment.Any(char.IsControl);

    // "C:" or "c:foo" as the first segment is a Windows drive path; such a name is never a page of the site.
    private static bool LooksLikeDrive(string segment) => segment.Length >= 2 && char.IsAsciiLetter(segment[0]) && segment[1] == ':';
}
