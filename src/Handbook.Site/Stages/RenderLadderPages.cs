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
public sealed class RenderLadderPages(Theme theme, SiteSettings settings) : IStage
{
    public string Name => nameof(RenderLadderPages);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var catalog = FamilyCatalog.From(documents);
        var views = new ReaderPageViews(catalog, settings);
        var previous = PreviousGeneratedPages.From(context, documents, RenderTheme.TemplatesInput);
        var pages = catalog.Departments
            .Where(d => d.Families.Count > 0)
            .Select(d => previous.Reuse(ReaderPageViews.LadderUrlOf(d), d.Families.Select(f => f.Family.SourcePath)) ?? GeneratedPage.Create(
                ReaderPageViews.LadderUrlOf(d),
                theme.RenderPage(ThemeTemplates.Ladder, views.Site, views.LadderPage(d), new Dictionary<string, object?> { ["ladder"] = views.LadderOf(d) }),
                inSitemap: true))
            .ToList();
        IReadOnlyList<Document> result = [.. documents, .. pages];
        return Task.FromResult(result);
    }
}
