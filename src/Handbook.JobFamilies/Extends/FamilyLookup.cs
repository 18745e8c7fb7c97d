namespace Handbook.JobFamilies.Extends;

using System.Diagnostics.CodeAnalysis;
using Handbook.JobFamilies.Model;

/// <summary>
/// <see cref="IFamilyLookup"/> over the families of one build, by their URL. Accepts the forms real pages use:
/// absolute <c>https://about.gitlab.com/job-families/…</c>, a missing trailing slash, an anchor, upper case, and
/// (optionally) old paths listed in the redirects data.
/// </summary>
public sealed class FamilyLookup : IFamilyLookup
{
    private readonly Dictionary<string, JobFamily> _byUrl = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyDictionary<string, string> _redirects;

    public FamilyLookup(IEnumerable<JobFamily> families, IReadOnlyDictionary<string, string>? redirects = null)
    {
        ArgumentNullException.ThrowIfNull(families);
        foreach (var f in families)
        {
            _byUrl.TryAdd(Normalize(f.Url), f);
        }

        _redirects = redirects ?? new Dictionary<string, string>();
    }

    public bool TryGet(string url, [NotNullWhen(true)] out JobFamily? family)
    {
        var key = Normalize(url);
        if (_byUrl.TryGetValue(key, out family))
        {
            return true;
        }

        foreach (var (from, to) in _redirects)
        {
            if (string.Equals(Normalize(from), key, StringComparison.OrdinalIgnoreCase))
            {
                return _byUrl.TryGetValue(Normalize(to), out family);
            }
        }

        return false;
    }

    /// <summary>True for links a statement may use to point at another family.</summary>
    public static bool IsFamilyUrl(string url) =>
        Normalize(url).StartsWith("/job-families/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path part: host, query and anchor removed, one trailing slash.</summary>
    public static string Normalize(string url)
    {
        var u = (url ?? string.Empty).Trim();
        foreach (var host in new[] { "https://about.gitlab.com", "http://about.gitlab.com", "//about.gitlab.com" })
        {
            if (u.StartsWith(host, StringComparison.OrdinalIgnoreCase))
            {
                u = u[host.Length..];
                break;
            }
        }

        var cut = u.IndexOfAny(['#', '?']);
        if (cut >= 0)
        {
            u = u[..cut];
        }

        if (u.EndsWith("/index.html", StringComparison.OrdinalIgnoreCase))
        {
            u = u[..^"index.html".Length];
        }

        return u.EndsWith('/') ? u : u + "/";
    }

    /// <summary>The anchor of a URL without '#', or null.</summary>
    public static string? AnchorOf(string url)
    {
        var i = url.IndexOf('#', StringComparison.Ordinal);
        return i < 0 || i == url.Length - 1 ? null : url[(i + 1)..];
    }
}
