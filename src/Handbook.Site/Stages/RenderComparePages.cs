namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Caching;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;

/// <summary>
/// Adds <c>/job-families/&lt;slug&gt;/compare/</c> (<c>compare.liquid</c>) for every family with two or more levels:
/// each pair of levels side by side, with inherited and shared bullets aligned (see <see cref="Compare.LevelComparison"/>).
/// </summary>
/// <param name="finishedPages">One-shot builds that write output: each compare page is staged as soon as it is rendered
/// (<see cref="StageFinishedPages.Finish"/>). Without it every compare page was held as a string until the stage after
/// this one staged them all (issue 9: ~160 KB each as UTF-16, one per family, so about 1.6 GB at N = 10000); null keeps
/// them.</param>
/// <param name="perFamilyOutputs">One-shot builds that stage their output: the compare pages the theme already made
/// (<see cref="PerFamilyOutputs"/>) are taken from there, in this stage's order; null renders every page here.</param>
/// <param name="themePages">With <c>--cache</c> where families are reused: compare pages whose views are unchanged are
/// left in place in the output (<see cref="ThemePageCache"/>); its entries are saved here, after the last page the
/// cache serves (family pages in <c>RenderTheme</c>, compare pages there or here).</param>
public sealed class RenderComparePages(Theme theme, SiteSettings settings, StageFinishedPages? finishedPages = null, PerFamilyOutputs? perFamilyOutputs = null, ThemePageCache? themePages = null) : IStage
{
    public string Name => nameof(RenderComparePages);

    /// <summary>The cache of family and compare pages of this build, if any (its counters say how many pages it served).</summary>
    public ThemePageCache? ThemePages => themePages;

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var catalog = FamilyCatalog.From(documents);
        var views = new ReaderPageViews(catalog, settings);
        var families = catalog.Families.Where(e => ReaderPageViews.CompareUrlOf(e.Family) is not null).ToList();
        var stateKeys = themePages is null ? null : StateKeysOf(documents);
        var previous = PreviousGeneratedPages.From(context, documents, RenderTheme.TemplatesInput);
        var pages = new Document[families.Count];
        Parallel.For(
            0,
            families.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            i =>
            {
                var family = families[i].Family;
                if (perFamilyOutputs is not null && perFamilyOutputs.TryGetComparePage(family, out var early))
                {
                    pages[i] = early;
                    return;
                }

                if (previous.Reuse(ReaderPageViews.CompareUrlOf(family)!, [family.SourcePath]) is { } unchanged)
                {
                    pages[i] = unchanged;
                    return;
                }

                pages[i] = RenderPage(theme, views, finishedPages, family, context.CancellationToken, themePages, stateKeys?.GetValueOrDefault(family));
            });
        perFamilyOutputs?.ComparePagesTaken();
        themePages?.Save();
        IReadOnlyList<Document> result = [.. documents, .. pages];
        return Task.FromResult(result);
    }

    // Each family's stored state key (FamilyReuseSession.StateKey), by the family model its page carries.
    private static Dictionary<JobFamily, string> StateKeysOf(IReadOnlyList<Document> documents)
    {
        var keys = new Dictionary<JobFamily, string>(ReferenceEqualityComparer.Instance);
        foreach (var document in documents)
        {
            if (document.TryGet(FamilyReuseSession.StateKey, out var stateKey) && document.TryGet(JobFamilyKeys.Family, out var family))
            {
                keys.TryAdd(family, stateKey);
            }
        }

        return keys;
    }

    /// <summary>
    /// The compare page of <paramref name="family"/> (which has one: <see cref="ReaderPageViews.CompareUrlOf"/>), staged
    /// by <paramref name="finishedPages"/> if the build stages pages, straight from the buffer it was rendered into
    /// (never a string unless it cannot be staged); also what <see cref="PerFamilyOutputs"/> makes during the theme.
    /// </summary>
    /// <param name="themePages">With <c>--cache</c> where families are reused: a page whose views are the same as when an
    /// earlier build staged it is left in place in the output instead of rendered (<see cref="ThemePageCache"/>).</param>
    /// <param name="familyStateKey">The key of the family's stored state (<see cref="FamilyReuseSession.StateKey"/>), when
    /// it has one: the page is then keyed by it, and its compare view is built only to render it.</param>
    internal static Document RenderPage(Theme theme, ReaderPageViews views, StageFinishedPages? finishedPages, JobFamily family, CancellationToken cancellationToken, ThemePageCache? themePages = null, string? familyStateKey = null)
    {
        var pageView = views.ComparePage(family);
        var page = GeneratedPage.Create(ReaderPageViews.CompareUrlOf(family)!, string.Empty, inSitemap: true);
        ComparePageView? compare = null;
        CacheKey? key = null;
        if (finishedPages is not null && themePages is not null)
        {
            key = string.IsNullOrEmpty(familyStateKey)
                ? themePages.Keys.ForComparePage(ThemeTemplates.Compare, views.Site, pageView, compare = views.CompareOf(family))
                : themePages.Keys.ForComparePageOfState(ThemeTemplates.Compare, views.Site, pageView, familyStateKey);
        }

        if (key is not null && themePages!.TryStage(key, page, finishedPages!, cancellationToken) is { } unchanged)
        {
            return unchanged;
        }

        compare ??= views.CompareOf(family);
        var html = theme.RenderPageBuffered(ThemeTemplates.Compare, views.Site, pageView, new Dictionary<string, object?> { ["compare"] = compare });
        var finished = StageFinishedPages.FinishOrKeep(finishedPages, page, html.Span, cancellationToken);
        themePages?.Remember(key, finished);
        return finished;
    }
}
