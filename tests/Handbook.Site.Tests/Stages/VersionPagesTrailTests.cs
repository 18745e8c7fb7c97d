namespace Handbook.Site.Tests.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Tests.Support;
using Handbook.Site.Theming;
using Handbook.Testing;

/// <summary>
/// <c>RenderVersionPages</c> builds each family's version and history pages on the family's trail
/// (<see cref="PageViews.TrailOf(Handbook.JobFamilies.Model.JobFamily)"/>) instead of its whole page view (issue 9: the
/// page view's JSON-LD was made for every family and thrown away). What those pages read of it – the URL, the canonical
/// URL and the breadcrumbs – must be the page view's, with and without a base URL and a canonical path.
/// </summary>
public sealed class VersionPagesTrailTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("https://handbook.example.com")]
    public async Task Given_the_sample_families_When_their_trails_are_made_Then_the_version_pages_get_the_page_views_URLs_and_breadcrumbs(string? baseUrl)
    {
        // Given the sample site's families (one of them with a canonical path of its own)
        var catalog = FamilyCatalog.From(await DocumentsOfAsync(Path.Combine(SharedCorpus.RepositoryRoot, "input")));
        var views = new PageViews(catalog, new SiteSettings { BaseUrl = baseUrl });
        Assert.True(catalog.Families.Count > 10);
        Assert.Contains(catalog.Families, e => e.Family.FrontMatter.CanonicalPath is not null);

        foreach (var entry in catalog.Families)
        {
            // When the trail and the page view are made
            var trail = views.TrailOf(entry.Family);
            var page = views.PageOf(entry.Family);

            // Then what the version and history pages read of the current page is the same
            Assert.Equal(page.Url, trail.Url);
            Assert.Equal(page.CanonicalUrl, trail.CanonicalUrl);
            Assert.Equal(page.Breadcrumbs, trail.Breadcrumbs);
            Assert.Equal(page.Title, trail.Title);
        }
    }

    private static async Task<IReadOnlyList<Document>> DocumentsOfAsync(string input)
    {
        var request = new BuildRequest { InputFolder = input, OutputFolder = "unused", ThemeFolder = TestTheme.Folder, WriteOutput = false, History = false, KeepGoing = true };
        var site = SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings());
        return (await site.RunAsync([])).Documents;
    }
}
