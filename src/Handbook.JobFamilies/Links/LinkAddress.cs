namespace Handbook.JobFamilies.Links;

using System.Buffers;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;

/// <summary>
/// A link's URL understood relative to the page it is on. For an internal link, <see cref="Path"/> is the
/// root-relative path with dot segments resolved and percent-escapes decoded (the form generated pages are indexed
/// by) and <see cref="Fragment"/> the decoded anchor (null: none). <see cref="Written"/> is the URL as written;
/// <see cref="Rewrite"/> builds a corrected link in the same form (absolute stays absolute).
/// </summary>
public sealed partial record LinkAddress(string Written, LinkAddressKind Kind, string Path, string? Fragment)
{
    private const string ResolveBase = "https://site.invalid";

    private static readonly SearchValues<char> HostCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.");

    // Whether Uri reads https://HOST/ as a valid URL whose host is HOST (ignoring case), per configured internal host.
    private static readonly ConcurrentDictionary<string, bool> UriKeepsHost = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a <see cref="LinkAddressKind.Malformed"/> URL is wrong, and the URL it probably meant.</summary>
    public string? Problem { get; init; }

    public string? Suggestion { get; init; }

    /// <summary><c>https://host</c> when the link was written as an absolute URL of an internal host; else empty.</summary>
    public string Origin { get; init; } = string.Empty;

    /// <summary>True for a link that names no path, only <c>#anchor</c> on the same page.</summary>
    public bool IsSamePage { get; init; }

    /// <summary>True for a path relative to the page (<c>../x/</c>, <c>x</c>), not starting with '/' or a scheme.</summary>
    public bool IsRelative { get; init; }

    /// <summary>
    /// Classifies <paramref name="url"/> written on the page at <paramref name="pageUrl"/> (root-relative, ending in
    /// '/'). <paramref name="internalHosts"/> are hosts whose URLs are this site's own (e.g. <c>about.gitlab.com</c>).
    /// </summary>
    public static LinkAddress Parse(string url, string pageUrl, IReadOnlyCollection<string> internalHosts) =>
        Parse(url, pageUrl, internalHosts, plainInternalFastPath: true);

    /// <summary>The general <see cref="Parse(string, string, IReadOnlyCollection{string})"/>: absolute URLs always through <see cref="Uri"/>.</summary>
    internal static LinkAddress ParseWithUri(string url, string pageUrl, IReadOnlyCollection<string> internalHosts) =>
        Parse(url, pageUrl, internalHosts, plainInternalFastPath: false);

    private static LinkAddress Parse(string url, string pageUrl, IReadOnlyCollection<string> internalHosts, bool plainInternalFastPath)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(pageUrl);
        ArgumentNullException.ThrowIfNull(internalHosts);
        var written = url.Trim();
        if (written.StartsWith('#'))
        {
            return new LinkAddress(written, LinkAddressKind.Internal, Decode(PathOnly(pageUrl)), Decode(written[1..])) { IsSamePage = true };
        }

        if (written.StartsWith("//", StringComparison.Ordinal))
        {
            written = "https:" + written; // protocol-relative: same rules as https
        }

        if (plainInternalFastPath && TryParsePlainInternal(written, internalHosts) is { } plain)
        {
            return plain;
        }

        var scheme = Scheme().Match(written);
        if (!scheme.Success)
        {
            if (LostScheme().IsMatch(written) || LooksLikeHost().IsMatch(written))
            {
                var fixedUrl = "https://" + LostScheme().Replace(written, string.Empty);
                return Malformed(url, "it has no scheme, so browsers read it as a path on this site", fixedUrl);
            }

            return Resolve(written, pageUrl, origin: string.Empty, isRelative: !written.StartsWith('/'));
        }

        var name = scheme.Groups[1].Value.ToLowerInvariant();
        if (name is not ("http" or "https"))
        {
            return new LinkAddress(url, LinkAddressKind.External, string.Empty, null);
        }

        if (!Uri.TryCreate(written, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || !written.Contains("://", StringComparison.Ordinal) || written.Any(char.IsWhiteSpace))
        {
            return Malformed(url, "it is not a valid URL", Repair(written));
        }

        if (!internalHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            return new LinkAddress(url, LinkAddressKind.External, string.Empty, null);
        }

        var authorityEnd = written.IndexOf('/', written.IndexOf("://", StringComparison.Ordinal) + 3);
        var rest = authorityEnd < 0 ? "/" : written[authorityEnd..];
        return Resolve(rest, "/", written[..(authorityEnd < 0 ? written.Length : authorityEnd)], isRelative: false);
    }

    /// <summary>
    /// The general path's answer for an absolute link to an internal host written in plain characters
    /// (<c>https://about.gitlab.com/handbook/x/#y</c>, a quarter of all links), without the scheme's regex match and
    /// the <see cref="Uri"/> that only confirm it (issue 9): <c>http(s)://</c>, a host of letters, digits, '-' and
    /// '.' that is one of <paramref name="internalHosts"/> and that <see cref="Uri"/> keeps as it is, then '/' and only
    /// unreserved characters, '/' and at most one '#'. Such a URL is valid and has no whitespace, so the general path
    /// would resolve the same rest against the same origin. Anything else is null.
    /// </summary>
    private static LinkAddress? TryParsePlainInternal(string written, IReadOnlyCollection<string> internalHosts)
    {
        var hostStart = written.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : written.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : -1;
        var hostEnd = hostStart < 0 ? -1 : written.IndexOf('/', hostStart);
        if (hostEnd <= hostStart)
        {
            return null;
        }

        var host = written.AsSpan(hostStart, hostEnd - hostStart);
        var rest = written.AsSpan(hostEnd);
        if (host.IndexOfAnyExcept(HostCharacters) >= 0 || !PlainUrlPath.IsWithFragment(rest) || rest.Count('#') > 1
            || !IsInternalHostUriKeeps(host, internalHosts))
        {
            return null;
        }

        return Resolve(written[hostEnd..], "/", written[..hostEnd], isRelative: false);
    }

    private static bool IsInternalHostUriKeeps(ReadOnlySpan<char> host, IReadOnlyCollection<string> internalHosts)
    {
        foreach (var internalHost in internalHosts)
        {
            if (host.Equals(internalHost, StringComparison.OrdinalIgnoreCase))
            {
                return UriKeepsHost.GetOrAdd(internalHost, static h =>
                    Uri.TryCreate("https://" + h + "/", UriKind.Absolute, out var uri) && string.Equals(uri.Host, h, StringComparison.OrdinalIgnoreCase));
            }
        }

        return false;
    }

    /// <summary>The link rewritten to <paramref name="path"/> (root-relative, decoded) and <paramref name="fragment"/>, in the form it was written.</summary>
    public string Rewrite(string path, string? fragment)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsSamePage && string.Equals(path, Path, StringComparison.Ordinal))
        {
            return "#" + fragment;
        }

        return Origin + Encode(path) + (fragment is null ? string.Empty : "#" + fragment);
    }

    private static LinkAddress Resolve(string reference, string pageUrl, string origin, bool isRelative)
    {
        if (TryResolvePlain(reference, pageUrl) is var (path, fragment))
        {
            return new LinkAddress(reference, LinkAddressKind.Internal, path, fragment) { Origin = origin, IsRelative = isRelative };
        }

        return ResolveWithUri(reference, pageUrl, origin, isRelative);
    }

    /// <summary>
    /// The general <see cref="Resolve"/>: <see cref="Uri"/> resolves the reference against the page's URL and the
    /// path and fragment are decoded.
    /// </summary>
    internal static LinkAddress ResolveWithUri(string reference, string pageUrl, string origin, bool isRelative = false)
    {
        if (!Uri.TryCreate(new Uri(ResolveBase + Encode(PathOnly(pageUrl))), reference, out var resolved))
        {
            return Malformed(reference, "it is not a valid URL", null) with { IsRelative = isRelative };
        }

        var fragment = resolved.Fragment.Length > 0 ? Decode(resolved.Fragment[1..]) : (reference.EndsWith('#') ? string.Empty : null);
        return new LinkAddress(reference, LinkAddressKind.Internal, Decode(resolved.AbsolutePath), fragment) { Origin = origin, IsRelative = isRelative };
    }

    /// <summary>
    /// <see cref="ResolveWithUri"/>'s path and fragment for the links nearly every page has, without a <see cref="Uri"/>
    /// (issue 9: each link made the page's URL encoded again, two <see cref="Uri"/>s and their strings): a reference
    /// without query whose path and fragment hold only unreserved characters and '/' (nothing to decode or escape),
    /// root-relative or relative to a page URL of the same characters. Dot segments are removed as RFC 3986 5.2.4
    /// says (what <see cref="Uri"/> does); anything else (escapes, non-ASCII, '?', '//', '...' segments) is null and
    /// takes the general path.
    /// </summary>
    internal static (string Path, string? Fragment)? TryResolvePlain(string reference, string pageUrl)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var pathPart = hash < 0 ? reference.AsSpan() : reference.AsSpan(0, hash);
        var fragmentPart = hash < 0 ? ReadOnlySpan<char>.Empty : reference.AsSpan(hash + 1);
        if (pathPart.IsEmpty || !PlainUrlPath.Is(pathPart) || !PlainUrlPath.Is(fragmentPart)
            || pathPart.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        string merged;
        if (pathPart[0] == '/')
        {
            merged = hash < 0 ? reference : pathPart.ToString();
        }
        else
        {
            // Relative: below the directory of the page's URL (its path up to the last '/'), which must be
            // normalised already (Uri would first remove its dot segments).
            var basePath = pageUrl.AsSpan(0, Math.Max(0, pageUrl.AsSpan().IndexOfAny('?', '#') is var end && end >= 0 ? end : pageUrl.Length));
            if (basePath.IsEmpty || basePath[0] != '/' || basePath.Contains("//", StringComparison.Ordinal) || basePath.Contains("/.", StringComparison.Ordinal)
                || !PlainUrlPath.Is(basePath))
            {
                return null;
            }

            merged = string.Concat(basePath[..(basePath.LastIndexOf('/') + 1)], pathPart);
        }

        if (!HasDotSegment(merged))
        {
            return (merged, hash < 0 ? null : fragmentPart.ToString());
        }

        return RemoveDotSegments(merged) is { } path ? (path, hash < 0 ? null : fragmentPart.ToString()) : null;
    }

    private static bool HasDotSegment(string path) =>
        path.Contains("/.", StringComparison.Ordinal);

    /// <summary>
    /// RFC 3986 5.2.4 for a root-relative path of plain characters: '.' segments go, '..' removes the segment before
    /// it (never above the root). Null for a path with a segment of three or more dots or with an empty segment
    /// ('//'), whose treatment is left to <see cref="Uri"/>.
    /// </summary>
    private static string? RemoveDotSegments(string path)
    {
        var segments = path.Split('/'); // [0] is the empty text before the leading '/'
        var kept = new List<string>(segments.Length);
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment.Length == 0 && !last)
            {
                return null;
            }

            if (segment.Length > 0 && segment.AsSpan().IndexOfAnyExcept('.') < 0)
            {
                if (segment.Length > 2)
                {
                    return null;
                }

                if (segment.Length == 2 && kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                if (last)
                {
                    kept.Add(string.Empty); // "a/." and "a/.." name the directory: the path ends in '/'
                }

                continue;
            }

            kept.Add(segment);
        }

        return "/" + string.Join('/', kept);
    }

    private static LinkAddress Malformed(string url, string problem, string? suggestion) =>
        new(url, LinkAddressKind.Malformed, string.Empty, null) { Problem = problem, Suggestion = suggestion };

    /// <summary><c>http:/x</c>, <c>https:x</c>, <c>https:///x</c> → <c>https://x</c>; anything else: no suggestion.</summary>
    private static string? Repair(string url)
    {
        var match = BrokenSlashes().Match(url);
        var repaired = match.Success ? match.Groups[1].Value.ToLowerInvariant() + "://" + match.Groups[2].Value : null;
        return repaired is null || string.Equals(repaired, url, StringComparison.OrdinalIgnoreCase) || repaired.Any(char.IsWhiteSpace) ? null : repaired;
    }

    private static string PathOnly(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? url : url[..end];
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    /// <summary>Percent-encodes a decoded root-relative path segment by segment (the form pages are linked with).</summary>
    /// <remarks>A path of unreserved characters and '/' is its own encoding (every segment escapes to itself).</remarks>
    private static string Encode(string path) =>
        PlainUrlPath.Is(path) ? path : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*):", RegexOptions.None, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Scheme();

    /// <summary><c>https//x</c>, <c>http//x</c>: the colon is missing.</summary>
    [GeneratedRegex(@"^https?//", RegexOptions.IgnoreCase, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LostScheme();

    /// <summary><c>www.example.com/…</c> or <c>example.com</c>: a host written without <c>https://</c>.</summary>
    [GeneratedRegex(@"^(www\.[^/\s]+|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.(com|org|net|io|dev|gov|edu|co|ai)(:\d+)?)(/|$)", RegexOptions.IgnoreCase, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LooksLikeHost();

    [GeneratedRegex(@"^(https?):/*([^/].*)$", RegexOptions.IgnoreCase, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex BrokenSlashes();
}
