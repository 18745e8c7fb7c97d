namespace Handbook.JobFamilies.Hugo;

using Handbook.JobFamilies.Parsing;

/// <summary>
/// The pages of the input as Hugo's <c>ref</c>/<c>relref</c> look them up: by URL, and by name – the last part of the
/// page's path without its ending (<c>…/interviewing.md</c>: <c>interviewing</c>; a folder's own page
/// <c>…/technology-partner-manager/_index.md</c>: <c>technology-partner-manager</c>), which Hugo's reverse index keys
/// its pages by for a ref written as a bare name. Hugo lower-cases refs and paths, so both lookups ignore case.
/// </summary>
/// <remarks>
/// Made from the build's list of pages (the <c>ExpandErb</c> stage sees them all), so a ref's URL depends on the set
/// of page paths only: adding or removing a page rebuilds everything (the engine's rule), editing one changes no URL.
/// </remarks>
public sealed class HugoPageIndex
{
    private readonly Lazy<Tables> _tables;

    /// <param name="pagePaths">Input-relative source paths; those that are not job-family pages are skipped. Read on the
    /// first lookup (a build's pages mostly have no ref), from any thread.</param>
    public HugoPageIndex(IEnumerable<string> pagePaths)
    {
        ArgumentNullException.ThrowIfNull(pagePaths);
        _tables = new Lazy<Tables>(() => new Tables(pagePaths));
    }

    /// <summary>The URL of the page at <paramref name="url"/> in any letter case (as the page has it), or null.</summary>
    public string? PageAt(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return _tables.Value.ByUrl.GetValueOrDefault(url);
    }

    /// <summary>The URLs (ordinal order) of the pages named <paramref name="name"/> in any letter case; empty when none.</summary>
    public IReadOnlyList<string> PagesNamed(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _tables.Value.ByName.TryGetValue(name, out var urls) ? urls : [];
    }

    /// <summary>
    /// The URLs (ordinal order) of the pages whose name is nearest to <paramref name="name"/> (any letter case) within
    /// a small edit distance – what a mistyped bare ref meant; empty when no name is that near.
    /// </summary>
    public IReadOnlyList<string> PagesNamedNear(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        var limit = lower.Length < 5 ? 1 : 2;
        var best = limit + 1;
        var urls = new List<string>();
        foreach (var (other, those) in _tables.Value.ByName)
        {
            var distance = Text.DamerauLevenshtein.Distance(lower, other.ToLowerInvariant());
            if (distance > best)
            {
                continue;
            }

            if (distance < best)
            {
                best = distance;
                urls.Clear();
            }

            urls.AddRange(those);
        }

        urls.Sort(StringComparer.Ordinal);
        return urls;
    }

    private sealed class Tables
    {
        public Tables(IEnumerable<string> pagePaths)
        {
            foreach (var path in pagePaths)
            {
                if (!FamilyPath.TryParse(path, out var info) || !ByUrl.TryAdd(info.Url, info.Url))
                {
                    continue;
                }

                var slug = info.Slug;
                var name = slug[(slug.LastIndexOf('/') + 1)..];
                if (!ByName.TryGetValue(name, out var urls))
                {
                    ByName[name] = urls = [];
                }

                urls.Add(info.Url);
            }

            foreach (var urls in ByName.Values)
            {
                urls.Sort(StringComparer.Ordinal);
            }
        }

        public Dictionary<string, string> ByUrl { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, List<string>> ByName { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
