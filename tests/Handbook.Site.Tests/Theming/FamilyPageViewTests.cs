namespace Handbook.Site.Tests.Theming;

using Handbook.Pipeline.Documents;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;
using Handbook.Testing;

/// <summary>
/// A family page's view is built on the family's trail directly instead of on its folder page (whose breadcrumb
/// JSON-LD it replaced): it must still be the folder page's view with the reader scripts in front, the article type
/// and the family's own JSON-LD.
/// </summary>
public sealed class FamilyPageViewTests
{
    [Fact]
    public async Task Given_the_sample_families_When_their_page_views_are_built_Then_they_are_the_folder_page_views_as_articles()
    {
        // Given the sample site's families, with and without diagrams
        var catalog = FamilyCatalog.From(await DocumentsOfAsync(Path.Combine(SharedCorpus.RepositoryRoot, "input")));
        var views = new PageViews(catalog, new SiteSettings());
        Assert.NotEmpty(catalog.Families);
        Assert.Contains(catalog.Families, e => views.FolderPageOf(e.Family).Scripts.Count > 0);

        foreach (var entry in catalog.Families)
        {
            // When the family page's view is built, Then it is the previous composition: the folder page's view…
            var folder = views.FolderPageOf(entry.Family);
            var page = views.PageOf(entry.Family);
            Assert.Equal(folder.Title, page.Title);
            Assert.Equal(folder.Description, page.Description);
            Assert.Equal(folder.Url, page.Url);
            Assert.Equal(folder.CanonicalUrl, page.CanonicalUrl);
            Assert.Equal(folder.Breadcrumbs, page.Breadcrumbs);
            Assert.Equal(folder.NoIndex, page.NoIndex);

            // … with the reader scripts in front, as an article, with the family's JSON-LD instead of the trail's
            Assert.Equal([.. PageViews.FamilyScripts, .. folder.Scripts], page.Scripts);
            Assert.Equal("article", page.OgType);
            Assert.NotNull(page.JsonLd);
            Assert.NotEqual(folder.JsonLd, page.JsonLd);
            Assert.Contains("Occupation", page.JsonLd, StringComparison.Ordinal);
        }
    }

    private static async Task<IReadOnlyList<Document>> DocumentsOfAsync(string input)
    {
        var request = new BuildRequest { InputFolder = input, OutputFolder = "unused", ThemeFolder = TestTheme.Folder, WriteOutput = false, History = false, KeepGoing = true };
        var site = SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings());
        return (await site.RunAsync([])).Documents;
    }
}
