namespace Handbook.Site.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;

/// <summary>
/// Adds <c>/job-families/&lt;dept&gt;/ladder/</c> (<c>ladder.liquid</c>) for every department with families: the
/// families ordered by grade with their levels (see <see cref="Ladder.DepartmentLadder"/>).
/// </summary>
/// <param name="finishedPages">One-shot builds that write output: each ladder page is staged as soon as it is rendered
/// (<see cref="StageFinishedPages.Finish"/>) instead of being held to the end of the build (each lists every family of
/// its department, so they grow with N); null keeps them.</param>
public sealed class RenderLadderPages(Theme theme, SiteSettings settings, StageFinishedPages? finishedPages = null) : IStage
{
    public string Name => nameof(RenderLadderPages);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var catalog = FamilyCatalog.From(documents);
        var views = new ReaderPageViews(catalog, settings);
        var previous = PreviousGeneratedPages.From(context, documents, RenderTheme.TemplatesInput);
        var pages = catalog.Departments
            .Where(d => d.Families.Count > 0)
            .Select(d => previous.Reuse(ReaderPageViews.LadderUrlOf(d), d.Families.Select(f => f.Family.SourcePath)) ?? Render(d, views, context.CancellationToken))
            .ToList();
        IReadOnlyList<Document> result = [.. documents, .. pages];
        return Task.FromResult(result);
    }

    // A page just rendered goes to the staging of a one-shot build, if there is one, straight from the buffer it was
    // rendered into (never a string unless it cannot be staged), as compare pages do: a ladder lists every family of its
    // department, so each page grows with N (issue 9).
    private Document Render(Department department, ReaderPageViews views, CancellationToken cancellationToken)
    {
        var html = theme.RenderPageBuffered(ThemeTemplates.Ladder, views.Site, views.LadderPage(department), new Dictionary<string, object?> { ["ladder"] = views.LadderOf(department) });
        var url = ReaderPageViews.LadderUrlOf(department);
        return StageFinishedPages.FinishOrKeep(finishedPages, GeneratedPage.Create(url, string.Empty, inSitemap: true), html.Span, cancellationToken);
    }
}
