namespace Handbook.Site.Tests.Navigation;

using CsCheck;
using Handbook.Site.Catalog;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// Issue 9: <see cref="FamilyCatalog.FamiliesBelow"/> and <see cref="FamilyCatalog.IndexPageOf"/> answer from the slug
/// order and a map instead of scanning every family for every page (which made the theme quadratic). They must answer
/// exactly what the scans answered, for any set of pages.
/// </summary>
public class FamilyCatalogLookupTests
{
    // Slugs over a small alphabet, so prefixes, siblings that share a prefix ("a/b" and "a/b-c", "a/bc"), nested
    // folders and characters ordered before and after '/' ('-', '.', '0', 'z') all occur.
    private static readonly Gen<string> Segment = Gen.OneOf("a", "b", "a-b", "ab", "a.b", "0", "z", "B", "é");

    private static readonly Gen<string> Slug = Segment.Array[1, 4].Select(parts => string.Join('/', parts));

    private static readonly Gen<(string Slug, bool IsIndex, string Title)[]> Pages =
        Gen.Select(Slug, Gen.Bool, Gen.OneOf("Alpha", "beta", "Beta", "Gamma")).Array[0, 25];

    [Fact]
    public void Families_below_a_slug_are_those_a_scan_finds_in_the_same_order()
    {
        Pages.Select(Slug).Sample((pages, asked) =>
        {
            var catalog = CatalogOf(pages);
            var scanned = catalog.Families
                .Where(f => f.Family.Slug.StartsWith(asked + "/", StringComparison.Ordinal))
                .OrderBy(e => e.Family.Title, StringComparer.OrdinalIgnoreCase)
                .ThenBy(e => e.Family.Slug, StringComparer.Ordinal)
                .ToList();
            return scanned.SequenceEqual(catalog.FamiliesBelow(asked));
        });
    }

    [Fact]
    public void The_index_page_of_a_slug_is_the_first_index_page_a_scan_finds()
    {
        Pages.Select(Slug).Sample((pages, asked) =>
        {
            var catalog = CatalogOf(pages);
            var scanned = catalog.Pages.FirstOrDefault(p => p.Family.IsDepartmentIndex && string.Equals(p.Family.Slug, asked, StringComparison.Ordinal));
            return ReferenceEquals(scanned, catalog.IndexPageOf(asked));
        });
    }

    [Fact]
    public void Given_nested_folders_When_asked_for_a_folder_Then_every_family_at_any_depth_below_it_is_listed_by_title()
    {
        // Given: families below "eng" at two depths, a sibling folder whose name starts like it, and an index page
        var catalog = FamilyCatalog.From([
            Page(Family("eng", "Engineering", isIndex: true)),
            Page(Family("eng/web/senior", "Senior Web Engineer")),
            Page(Family("eng/api", "API Engineer")),
            Page(Family("eng-ops/sre", "Site Reliability Engineer")),
            Page(Family("engx", "Engx")),
        ]);

        // Then: only the two below "eng/", by title; nothing below a leaf; the index page by its slug
        Assert.Equal(["API Engineer", "Senior Web Engineer"], catalog.FamiliesBelow("eng").Select(e => e.Family.Title));
        Assert.Empty(catalog.FamiliesBelow("eng/api"));
        Assert.Equal("Engineering", catalog.IndexPageOf("eng")?.Family.Title);
        Assert.Null(catalog.IndexPageOf("eng-ops"));
    }

    private static FamilyCatalog CatalogOf((string Slug, bool IsIndex, string Title)[] pages) =>
        FamilyCatalog.From(pages.Select((p, i) => Page(Family(p.Slug, p.Title + i.ToString(System.Globalization.CultureInfo.InvariantCulture), isIndex: p.IsIndex))));
}
