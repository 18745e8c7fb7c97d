namespace Handbook.Site.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;

/// <summary>
/// Adds the search results page <c>/job-families/search/</c> (<c>search.liquid</c>). The results are computed in the
/// browser from <c>/search-index.json</c>; without JavaScript the page says so. Not in the sitemap: it has no
/// content of its own.
/// </summary>
public sealed class RenderSearchPage(Theme theme, SiteSettings settings) : IStage
{
    public string Name => nameof(RenderSearchPage);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var views = new ReaderPageViews(FamilyCatalog.From(documents), settings);
        var html = theme.RenderPage(ThemeTemplates.Search, views.Site, views.SearchPage(), new Dictionary<string, object?>());
        IReadOnlyList<Document> result = [.. documents, GeneratedPage.Create(ReaderPageViews.SearchUrl, html, inSitemap: false)];
        return Task.FromResult(result);
    }
}
