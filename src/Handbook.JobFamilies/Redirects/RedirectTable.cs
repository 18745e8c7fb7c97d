namespace Handbook.JobFamilies.Redirects;

/// <summary>
/// The redirect data of the site (<c>data/redirects.yml</c>) with the rule nginx applied to GitLab's file, which the
/// link checker uses to follow a link to a moved page: an exact source wins, then the longest prefix source, then
/// the first pattern in file order. Entries are kept in file order (the <c>_redirects</c> writer keeps it too).
/// </summary>
public sealed class RedirectTable(IReadOnlyList<RedirectEntry> entries)
{
    /// <summary>Redirects followed one after the other before the chain counts as a loop (Netlify follows none itself; browsers give up at about 20).</summary>
    public const int MaxHops = 10;

    public static RedirectTable Empty { get; } = new([]);

    public IReadOnlyList<RedirectEntry> Entries { get; } = entries;

    /// <summary>The rule that applies to <paramref name="path"/> (root-relative, without query or fragment), or null.</summary>
    public RedirectHit? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        RedirectHit? prefix = null;
        RedirectHit? pattern = null;
        foreach (var entry in Entries)
        {
            foreach (var source in entry.Sources)
            {
                if (!entry.Matches(source, path))
                {
                    continue;
                }

                switch (entry.Match)
                {
                    case RedirectMatch.Exact:
                        return new RedirectHit(entry, source);
                    case RedirectMatch.Prefix when prefix is null || source.Path.Length > prefix.Source.Path.Length:
                        prefix = new RedirectHit(entry, source);
                        break;
                    case RedirectMatch.Pattern when pattern is null:
                        pattern = new RedirectHit(entry, source);
                        break;
                }
            }
        }

        return prefix ?? pattern;
    }

    /// <summary>
    /// Follows redirects from <paramref name="path"/> until a path no rule matches, an absolute URL, or
    /// <see cref="MaxHops"/>. Returns every hop in order (empty when no rule applies); <paramref name="loops"/> is
    /// true when the chain comes back to a path it visited or is too long. <paramref name="served"/> tells which
    /// paths are served as they are (a generated page shadows a redirect from its own path, as on Netlify).
    /// </summary>
    public IReadOnlyList<RedirectHit> Follow(string path, out bool loops, Func<string, bool>? served = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var hops = new List<RedirectHit>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { RedirectEntry.TrimSlash(path) };
        loops = false;
        var current = path;
        while (Find(current) is { } hit)
        {
            hops.Add(hit);
            if (!hit.Entry.TargetIsPath)
            {
                break;
            }

            current = PathOf(hit.Target);
            if (served?.Invoke(current) == true)
            {
                break;
            }

            if (!seen.Add(RedirectEntry.TrimSlash(current)) || hops.Count >= MaxHops)
            {
                loops = true;
                break;
            }
        }

        return hops;
    }

    /// <summary>The path part of a root-relative target (without <c>?query</c> or <c>#fragment</c>).</summary>
    public static string PathOf(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var end = target.IndexOfAny(['?', '#']);
        return end < 0 ? target : target[..end];
    }
}
