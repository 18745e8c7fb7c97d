namespace Handbook.Site.Stages;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;

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
public sealed class RenderComparePages(Theme theme, SiteSettings settings, StageFinishedPages? finishedPages = null, PerFamilyOutputs? perFamilyOutputs = null) : IStage
{
    public string Name => nameof(RenderComparePages);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var catalog = FamilyCatalog.From(documents);
        var views = new ReaderPageViews(catalog, settings);
        var families = catalog.Families.Where(e => ReaderPageViews.CompareUrlOf(e.Family) is not null).ToList();
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

                pages[i] = RenderPage(theme, views, finishedPages, family, context.CancellationToken);
            });
        perFamilyOutputs?.ComparePagesTaken();
        IReadOnlyList<Document> result = [.. documents, .. pages];
        return Task.FromResult(result);
    }

    /// <summary>
    /// The compare page of <paramref name="family"/> (which has one: <see cref="ReaderPageViews.CompareUrlOf"/>), staged
    /// by <paramref name="finishedPages"/> if the build stages pages, straight from the buffer it was rendered into
    /// (never a string unless it cannot be staged); also what <see cref="PerFamilyOutputs"/> makes during the theme.
    /// </summary>
    internal static Document RenderPage(Theme theme, ReaderPageViews views, StageFinishedPages? finishedPages, JobFamily family, CancellationToken cancellationToken)
    {
        var html = theme.RenderPageBuffered(ThemeTemplates.Compare, views.Site, views.ComparePage(family), new Dictionary<string, object?> { ["compare"] = views.CompareOf(family) });
        var url = ReaderPageViews.CompareUrlOf(family)!;
        return StageFinishedPages.FinishOrKeep(finishedPages, GeneratedPage.Create(url, string.Empty, inSitemap: true), html.Span, cancellationToken);
    }
}
