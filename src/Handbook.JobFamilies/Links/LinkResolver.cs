namespace Handbook.JobFamilies.Links;

using Handbook.JobFamilies.Markdown;
using Handbook.JobFamilies.Redirects;
using Handbook.JobFamilies.Text;

/// <summary>
/// Decides whether one link reaches a generated page and an existing anchor on it, directly or through the
/// redirect data. Only paths this site generates are judged: <c>/job-families/…</c> and any other path of a
/// generated file (the grade table page, <c>/api/…</c>). Links into the wider handbook (<c>/handbook/…</c>,
/// <c>/company/…</c>) cannot be checked and are never reported.
/// </summary>
public sealed class LinkResolver(LinkTargets targets, RedirectTable redirects)
{
    // The pages' paths lower-cased, once per resolver rather than once per page for every link to no page.
    private readonly Lazy<(string Page, string Lower)[]> _lowerCasePages = new(() => [.. targets.Pages.Select(p => (p, p.ToLowerInvariant()))]);

    /// <summary>The part of the site this generator owns: every path below it must be a generated page.</summary>
    public const string SectionPrefix = "/job-families/";

    public LinkVerdict Resolve(LinkAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Kind == LinkAddressKind.Malformed)
        {
            return new LinkVerdict(LinkProblem.MalformedUrl, Suggestion: address.Suggestion, Target: address.Problem);
        }

        if (address.Kind == LinkAddressKind.External || !IsChecked(address.Path))
        {
            return LinkVerdict.Ok;
        }

        var path = address.Path;
        if (targets.Exists(path))
        {
            return CheckAnchor(address, path, address.Fragment);
        }

        if (!path.EndsWith('/') && targets.Exists(path + "/"))
        {
            var anchor = CheckAnchor(address, path + "/", address.Fragment);
            return anchor.Problem != LinkProblem.None ? anchor : new LinkVerdict(LinkProblem.MissingTrailingSlash, address.Rewrite(path + "/", address.Fragment));
        }

        var hops = redirects.Follow(path, out var loops, IsServed);
        if (hops.Count > 0)
        {
            return FollowRedirect(address, hops, loops);
        }

        if ((targets.FindIgnoringCase(path) ?? (path.EndsWith('/') ? null : targets.FindIgnoringCase(path + "/"))) is { } differentCase)
        {
            var anchor = CheckAnchor(address, differentCase, address.Fragment);
            return anchor.Problem != LinkProblem.None ? anchor : new LinkVerdict(LinkProblem.WrongCase, address.Rewrite(differentCase, address.Fragment));
        }

        return new LinkVerdict(LinkProblem.PageNotFound, Suggestion: SuggestPage(address), Target: path);
    }

    /// <summary>A generated page (with or without its trailing slash) is served even when a redirect names it.</summary>
    private bool IsServed(string path) => targets.Exists(path) || (!path.EndsWith('/') && targets.Exists(path + "/"));

    /// <summary>Whether <paramref name="path"/> is on the part of the site this build generates.</summary>
    public bool IsChecked(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith(SectionPrefix, StringComparison.OrdinalIgnoreCase)
            || string.Equals(path, SectionPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            || targets.FindIgnoringCase(path) is not null
            || (!path.EndsWith('/') && targets.FindIgnoringCase(path + "/") is not null);
    }

    private LinkVerdict FollowRedirect(LinkAddress address, IReadOnlyList<RedirectHit> hops, bool loops)
    {
        var last = hops[^1];
        if (loops)
        {
            return new LinkVerdict(LinkProblem.RedirectLoop, Target: string.Join(" → ", hops.Select(h => h.Target))) { Redirect = hops[0] };
        }

        if (!last.Entry.TargetIsPath)
        {
            return LinkVerdict.Ok;
        }

        var targetPath = RedirectTable.PathOf(last.Target);
        var hash = last.Target.IndexOf('#', StringComparison.Ordinal);
        var fragment = address.Fragment ?? (hash < 0 ? null : last.Target[(hash + 1)..]); // a link's own anchor survives a redirect
        foreach (var candidate in new[] { targetPath, targetPath + "/" })
        {
            if (targets.Exists(candidate))
            {
                return CheckAnchor(address, candidate, fragment) with { Redirect = last };
            }
        }

        return IsChecked(targetPath)
            ? new LinkVerdict(LinkProblem.RedirectToMissingPage, Target: targetPath) { Redirect = last }
            : LinkVerdict.Ok;
    }

    private LinkVerdict CheckAnchor(LinkAddress address, string page, string? fragment)
    {
        if (string.IsNullOrEmpty(fragment) || targets.AnchorsOf(page) is not { } anchors || anchors.Contains(fragment)
            || string.Equals(fragment, "top", StringComparison.OrdinalIgnoreCase))
        {
            return LinkVerdict.Ok; // "#top" scrolls to the top of any page (HTML's rule for fragments)
        }

        if (anchors.FirstOrDefault(a => string.Equals(a, fragment, StringComparison.OrdinalIgnoreCase)) is { } differentCase)
        {
            return new LinkVerdict(LinkProblem.AnchorWrongCase, address.Rewrite(page, differentCase), Target: page);
        }

        var nearest = NearestAnchor(fragment, anchors);
        return new LinkVerdict(LinkProblem.AnchorNotFound, Suggestion: nearest is null ? null : address.Rewrite(page, nearest), Target: page);
    }

    /// <summary>The anchor the author probably meant: kramdown's id of the text as written, else the closest by edits.</summary>
    private static string? NearestAnchor(string fragment, IReadOnlySet<string> anchors)
    {
        var generated = KramdownIds.Generate(fragment);
        if (anchors.Contains(generated))
        {
            return generated;
        }

        var lower = fragment.ToLowerInvariant();
        // The nearest anchor, the ordinally first of equally near ones (a loop: LINQ's sort over (anchor, distance)
        // tuples is code the ReadyToRun image does not hold, issue 9).
        string? best = null;
        var bestDistance = 0;
        foreach (var anchor in anchors)
        {
            var distance = DamerauLevenshtein.Distance(lower, anchor);
            if (best is null || distance < bestDistance || (distance == bestDistance && StringComparer.Ordinal.Compare(anchor, best) < 0))
            {
                best = anchor;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, lower.Length / 4) ? best : null;
    }

    /// <summary>
    /// The page the author probably meant: one with the same last segment elsewhere (a moved page), else the
    /// closest path by edits; for a relative word like <c>senior</c> that is an anchor of the page itself, that anchor.
    /// </summary>
    private string? SuggestPage(LinkAddress address)
    {
        var path = address.Path;
        if (address.IsRelative && address.Fragment is null && !address.Written.Contains('/', StringComparison.Ordinal)
            && targets.AnchorsOf(PageOf(path)) is { } own && own.Contains(address.Written))
        {
            return "#" + address.Written;
        }

        if (address.IsRelative && address.Written.StartsWith('(') && address.Written.EndsWith(')'))
        {
            return address.Written.Trim('(', ')'); // "[text]((/url))": the URL was wrapped in a second pair of parentheses
        }

        if (address.IsRelative && !address.Written.StartsWith('.') && address.Written.Contains('/', StringComparison.Ordinal))
        {
            return "/" + address.Written; // "handbook/x/" was meant from the site root, not below this page
        }

        var segment = LastSegment(path);
        var lower = path.ToLowerInvariant();
        var moved = targets.Pages
            .Where(p => LastSegmentOf(p).Equals(segment, StringComparison.OrdinalIgnoreCase))
            .MinBy(p => DamerauLevenshtein.Distance(lower, p.ToLowerInvariant()));
        if (moved is not null && segment.Length > 0)
        {
            return address.Rewrite(moved, address.Fragment);
        }

        // Only a typo-sized difference counts: a suggestion for an unrelated page is worse than none.
        var limit = Math.Clamp(segment.Length / 4, 1, 3);
        return NearestPageWithin(lower, limit) is { } best ? address.Rewrite(best, address.Fragment) : null;
    }

    /// <summary>
    /// The page nearest to <paramref name="lower"/> by edits (ties: the first by ordinal path) when at most
    /// <paramref name="limit"/> edits away, else null. Distances are computed only up to the limit
    /// (<see cref="DamerauLevenshtein.DistanceWithin"/>): a page further away can never be the answer, and every page
    /// within it keeps its exact distance, so the nearest and the tie-break are those of the full distances (issue 9:
    /// the full distances to every page of similar length were most of the link check's time).
    /// </summary>
    private string? NearestPageWithin(string lower, int limit)
    {
        string? best = null;
        var bestDistance = limit + 1;
        foreach (var (page, lowerPage) in _lowerCasePages.Value)
        {
            if (!CanBeWithin(lower, page, limit))
            {
                continue;
            }

            var distance = DamerauLevenshtein.DistanceWithin(lower, lowerPage, limit);
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(page, best) < 0))
            {
                (best, bestDistance) = (page, distance);
            }
        }

        return best;
    }

    // Each edit changes the length by at most one, so the distance is at least the difference in length: a page
    // whose path is longer or shorter by more than the limit can never be suggested, and skipping it leaves the
    // nearest page within the limit (and its tie-break by path) as it was. Lower-casing keeps a string's length.
    // This matters on versioned sites, whose version URLs are a third of all pages and all far longer.
    internal static bool CanBeWithin(string path, string page, int limit) => Math.Abs(path.Length - page.Length) <= limit;

    private static string LastSegment(string path) => LastSegmentOf(path).ToString();

    // The same segment without a copy: compared against every page of the site for each link to no page.
    private static ReadOnlySpan<char> LastSegmentOf(string path)
    {
        var trimmed = path.AsSpan().TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    /// <summary>The page a relative link was resolved against: its path up to the last '/'.</summary>
    private static string PageOf(string path) => path[..(path.LastIndexOf('/') + 1)];
}
