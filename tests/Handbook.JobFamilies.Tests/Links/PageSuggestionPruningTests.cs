namespace Handbook.JobFamilies.Tests.Links;

using CsCheck;
using Handbook.JobFamilies.Links;
using Handbook.JobFamilies.Redirects;
using Handbook.JobFamilies.Text;

/// <summary>
/// The page suggested for a link to no page (LINK001's hint) skips pages whose path length alone puts them beyond
/// the typo limit (issue 9: on a versioned site every family adds a version URL per version, all far longer than
/// any link). The suggestion must be exactly the one a comparison with every page gives: the oracle below is the
/// scan the resolver did before.
/// </summary>
public class PageSuggestionPruningTests
{
    private const string Section = "/job-families/";

    // Short segments over a tiny alphabet (upper case included: the comparison is case-insensitive), so near
    // misses, equal distances (the tie-break by path) and the length limit's edges are all common.
    private static readonly Gen<string> Segments = Gen.String[Gen.Char["abAB-"], 1, 9];

    private static readonly Gen<string> Pages = Gen.OneOf(
        Segments.Select(s => Section + s + "/"),
        Gen.Select(Segments, Segments, (a, b) => Section + a + "/" + b + "/"),
        Segments.Select(s => Section + s + "/versions/2022-09-15-e66952b/"));

    [Fact]
    public void For_any_pages_and_missing_link_the_suggestion_equals_a_comparison_with_every_page()
    {
        Gen.Select(Pages.List[1, 30], Gen.OneOf(Pages, Segments.Select(s => Section + "x" + s + "/"), Segments.Select(s => Section + "moved/" + s + "/"))).Sample(
            (pages, link) =>
            {
                var targets = TargetsOf(pages);
                var address = LinkAddress.Parse(link, Section, ["about.gitlab.com"]);
                var verdict = new LinkResolver(targets, RedirectTable.Empty).Resolve(address);
                return verdict.Problem != LinkProblem.PageNotFound || verdict.Suggestion == SuggestionByFullScan(address, targets);
            },
            iter: 5_000);
    }

    [Theory]
    [InlineData("/job-families/sales/archtect/", "/job-families/sales/architect/")]
    [InlineData("/job-families/marketing/architect/", "/job-families/sales/architect/")]
    [InlineData("/job-families/marketing/Architect", "/job-families/sales/architect/")]
    [InlineData("/job-families/sales/ar/", null)]
    public void Given_version_urls_beside_the_pages_When_a_link_has_a_typo_Then_the_page_is_still_suggested(string link, string? expected)
    {
        var targets = TargetsOf(["/job-families/sales/architect/", "/job-families/sales/architect/versions/2022-09-15-e66952b/", "/job-families/sales/architect/history/"]);

        var verdict = new LinkResolver(targets, RedirectTable.Empty).Resolve(LinkAddress.Parse(link, Section, ["about.gitlab.com"]));

        Assert.Equal(LinkProblem.PageNotFound, verdict.Problem);
        Assert.Equal(expected, verdict.Suggestion);
    }

    [Theory]
    [InlineData("abc", "abcd", 1, true)]
    [InlineData("abc", "abcde", 1, false)]
    [InlineData("abcde", "ab", 3, true)]
    [InlineData("abcdef", "ab", 3, false)]
    public void The_length_bound_keeps_exactly_the_pages_within_the_limit_by_length(string path, string page, int limit, bool kept)
    {
        Assert.Equal(kept, LinkResolver.CanBeWithin(path, page, limit));
        Assert.True(kept || DamerauLevenshtein.Distance(path, page) > limit);
    }

    private static LinkTargets TargetsOf(IEnumerable<string> pages)
    {
        var targets = new LinkTargets();
        foreach (var page in pages.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            targets.AddPage(page, () => new HashSet<string>());
        }

        return targets;
    }

    // The resolver's suggestion for an absolute path before the length bound: every page compared.
    private static string? SuggestionByFullScan(LinkAddress address, LinkTargets targets)
    {
        var path = address.Path;
        var segment = LastSegment(path);
        var lower = path.ToLowerInvariant();
        var moved = targets.Pages
            .Where(p => string.Equals(LastSegment(p), segment, StringComparison.OrdinalIgnoreCase))
            .MinBy(p => DamerauLevenshtein.Distance(lower, p.ToLowerInvariant()));
        if (moved is not null && segment.Length > 0)
        {
            return address.Rewrite(moved, address.Fragment);
        }

        var best = targets.Pages
            .Select(p => (Page: p, Distance: DamerauLevenshtein.Distance(lower, p.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Page, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Page is not null && best.Distance <= Math.Clamp(segment.Length / 4, 1, 3) ? address.Rewrite(best.Page, address.Fragment) : null;
    }

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }
}
