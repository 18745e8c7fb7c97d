namespace Handbook.Site.Tests.Navigation;

using Handbook.Site.Catalog;
using Handbook.Site.Navigation;
using Handbook.Site.Theming.Views;
using static Handbook.Site.Tests.Support.Families;

public class BreadcrumbTrailTests
{
    [Fact]
    public void Given_a_nested_family_When_its_trail_is_built_Then_it_runs_section_department_existing_folder_pages_and_the_page_unlinked()
    {
        // Given: a department page, a folder page for engineering/development, and no page for .../backend.
        var catalog = FamilyCatalog.From([
            Page(Family("engineering", "Engineering Department", isIndex: true)),
            Page(Family("engineering/development", "Development", isIndex: true)),
            Page(Family("engineering/development/backend/senior", "Senior Backend Engineer")),
        ]);

        // When
        var trail = BreadcrumbTrail.Of(catalog, "Job families", "engineering/development/backend/senior", "Senior Backend Engineer");

        // Then
        Assert.Equal(
            [
                new LinkView("Job families", "/job-families/"),
                new LinkView("Engineering Department", "/job-families/engineering/"),
                new LinkView("Development", "/job-families/engineering/development/"),
                new LinkView("Senior Backend Engineer", null),
            ],
            trail);
    }

    [Fact]
    public void Given_a_department_without_an_index_page_When_its_family_trail_is_built_Then_the_department_is_titled_from_its_slug_and_urls_are_encoded()
    {
        var catalog = FamilyCatalog.From([Page(Family("front-of-house/chef de rang", "Chef de rang"))]);

        var trail = BreadcrumbTrail.Of(catalog, "Job families", "front-of-house/chef de rang", "Chef de rang");

        Assert.Equal(new LinkView("Front of House", "/job-families/front-of-house/"), trail[1]);
        Assert.Equal(3, trail.Count);
        Assert.Null(trail[^1].Url);
    }
}
