namespace Handbook.JobFamilies.Redirects;

using System.Text.RegularExpressions;

/// <summary>
/// One entry of <c>data/redirects.yml</c>: its sources, the target (a root-relative path or an absolute URL), how
/// the sources match, and 1-based positions for diagnostics. <see cref="Patterns"/> holds the compiled sources of a
/// <see cref="RedirectMatch.Pattern"/> entry (same order as <see cref="Sources"/>).
/// </summary>
public sealed record RedirectEntry(IReadOnlyList<RedirectSource> Sources, string Target, RedirectMatch Match, int Line, int Column)
{
    public int TargetLine { get; init; }

    public int TargetColumn { get; init; }

    public IReadOnlyList<Regex> Patterns { get; init; } = [];

    /// <summary>True when the target is a path on this site (not an absolute URL).</summary>
    public bool TargetIsPath => Target.StartsWith('/');

    /// <summary>Whether <paramref name="path"/> (root-relative, no query or fragment) matches <paramref name="source"/>.</summary>
    public bool Matches(RedirectSource source, string path)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(path);
        switch (Match)
        {
            case RedirectMatch.Exact:
                return string.Equals(TrimSlash(path), TrimSlash(source.Path), StringComparison.Ordinal);
            case RedirectMatch.Prefix:
                var prefix = TrimSlash(source.Path);
                var trimmed = TrimSlash(path);
                return trimmed == prefix || (path.StartsWith(prefix, StringComparison.Ordinal) && (prefix.EndsWith('/') || path[prefix.Length] == '/'));
            default:
                var index = IndexOf(source);
                return index >= 0 && index < Patterns.Count && Patterns[index].IsMatch(path);
        }
    }

    /// <summary>A path without its trailing slash (the root stays "/"): the form Netlify compares.</summary>
    public static string TrimSlash(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length > 1 ? path.TrimEnd('/') is { Length: > 0 } t ? t : "/" : path;
    }

    private int IndexOf(RedirectSource source)
    {
        for (var i = 0; i < Sources.Count; i++)
        {
            if (ReferenceEquals(Sources[i], source))
            {
                return i;
            }
        }

        return -1;
    }
}
