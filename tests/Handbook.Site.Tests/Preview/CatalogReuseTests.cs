namespace Handbook.Site.Tests.Preview;

using CsCheck;
using Handbook.Pipeline.Documents;
using Handbook.Site.Catalog;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// Issue 9: in an incremental run a whole-set stage's catalogue is the previous run's with the recomputed pages' entries
/// swapped in (<see cref="CatalogReuse"/>). Whatever changed, it must equal a catalogue built from scratch
/// (<see cref="FamilyCatalog.From"/>, the oracle); it may only skip the rebuild when no page moved in its orders.
/// </summary>
public class CatalogReuseTests
{
    private static readonly Gen<string> Segment = Gen.OneOf("a", "b", "a-b", "ab", "z");

    private static readonly Gen<(string Slug, bool IsIndex, string Title)[]> Pages =
        Gen.Select(Segment.Array[1, 3].Select(parts => string.Join('/', parts)), Gen.Bool, Gen.OneOf("Alpha", "beta", "Beta", "Gamma")).Array[1, 20];

    // What happens to one document: kept, body edited (both mostly, so that many samples take the swap), title edited,
    // moved to another slug, no longer a page.
    private static readonly Gen<int[]> Edits = Gen.Frequency((12, Gen.Const(0)), (6, Gen.Const(1)), (1, Gen.Int[2, 4])).Array[20];

    [Fact]
    public void Given_any_pages_and_any_edits_When_the_catalogue_is_derived_from_the_previous_one_Then_it_equals_a_fresh_catalogue()
    {
        Gen.Select(Pages, Edits).Sample((pages, edits) =>
        {
            var before = DocumentsOf(pages);
            var previous = CatalogReuse.For(before, previousInput: null);
            var now = before.Select((d, i) => Edit(d, edits[i])).ToList();

            var derived = CatalogReuse.For(now, before);

            AssertSameCatalogue(FamilyCatalog.From(now), derived);
            AssertSameCatalogue(FamilyCatalog.From(before), previous);
        });
    }

    [Fact]
    public void Given_a_body_edit_When_derived_Then_the_previous_catalogue_is_reused_with_the_new_entry_and_equals_a_fresh_one()
    {
        // Given a department with an index page and two families, and its catalogue
        List<Document> before = [
            Page(Family("eng", "Engineering", isIndex: true)),
            Page(Family("eng/backend", "Backend Engineer")),
            Page(Family("eng/frontend", "Frontend Engineer")),
        ];
        var previous = FamilyCatalog.From(before);

        // When the body of one family changes (same title, slug and department)
        var edited = Page(Family("eng/backend", "Backend Engineer"), "<p>New body.</p>");
        List<Document> now = [before[0], edited, before[2]];
        var derived = CatalogReuse.WithChanges(previous, before, now);

        // Then the catalogue is derived (not rebuilt): the other entries are the previous objects, the edited one is new
        Assert.NotNull(derived);
        AssertSameCatalogue(FamilyCatalog.From(now), derived);
        Assert.Same(previous.Pages[0], derived.Pages[0]);
        Assert.Same(previous.Pages[2], derived.Pages[2]);
        Assert.Equal("<p>New body.</p>", derived.Families[0].BodyHtml);
        Assert.Same(derived.Families[0], derived.Departments.Single().Families[0]);
    }

    [Fact]
    public void Given_a_title_edit_When_derived_Then_it_must_be_rebuilt_and_the_catalogue_for_the_stage_equals_a_fresh_one()
    {
        // Given two families ordered by title
        List<Document> before = [Page(Family("eng/api", "API Engineer")), Page(Family("eng/web", "Backend Engineer"))];
        var previous = CatalogReuse.For(before, previousInput: null);

        // When a title changes so that the department's title order changes
        List<Document> now = [Page(Family("eng/api", "Zebra Engineer")), before[1]];

        // Then no swap is offered, and the stage's catalogue is built again, in the new order
        Assert.Null(CatalogReuse.WithChanges(previous, before, now));
        var catalogue = CatalogReuse.For(now, before);
        AssertSameCatalogue(FamilyCatalog.From(now), catalogue);
        Assert.Equal(["Backend Engineer", "Zebra Engineer"], catalogue.Departments.Single().Families.Select(f => f.Family.Title));
    }

    private static List<Document> DocumentsOf((string Slug, bool IsIndex, string Title)[] pages) =>
        pages.Select((p, i) => Page(Family(p.Slug, p.Title + i.ToString(System.Globalization.CultureInfo.InvariantCulture), isIndex: p.IsIndex))).ToList();

    private static Document Edit(Document document, int edit)
    {
        var family = document.Get(Handbook.JobFamilies.JobFamilyKeys.Family);
        return edit switch
        {
            1 => Page(Family(family.Slug, family.Title, isIndex: family.IsDepartmentIndex), "<p>Edited.</p>"),
            2 => Page(Family(family.Slug, "Aaa " + family.Title, isIndex: family.IsDepartmentIndex)),
            3 => Page(Family(family.Slug + "-moved", family.Title, isIndex: family.IsDepartmentIndex)) with { SourcePath = document.SourcePath },
            4 => Document.FromSource(document.SourcePath, "(not a page any more)"),
            _ => document,
        };
    }

    private static void AssertSameCatalogue(FamilyCatalog expected, FamilyCatalog actual)
    {
        AssertSameEntries(expected.Pages, actual.Pages);
        AssertSameEntries(expected.Families, actual.Families);
        Assert.Equal(expected.Departments.Count, actual.Departments.Count);
        foreach (var (e, a) in expected.Departments.Zip(actual.Departments))
        {
            Assert.Equal((e.Slug, e.Title, e.Url), (a.Slug, a.Title, a.Url));
            AssertSameEntries(e.IndexPage is null ? [] : [e.IndexPage], a.IndexPage is null ? [] : [a.IndexPage]);
            AssertSameEntries(e.Families, a.Families);
        }

        foreach (var page in expected.Pages)
        {
            AssertSameEntries(expected.IndexPageOf(page.Family.Slug) is { } i ? [i] : [], actual.IndexPageOf(page.Family.Slug) is { } j ? [j] : []);
            AssertSameEntries(expected.FamiliesBelow(page.Family.Slug), actual.FamiliesBelow(page.Family.Slug));
        }
    }

    // Entries are made per call: equal when they hold the same family, body, listed folders and versions.
    private static void AssertSameEntries(IReadOnlyList<CatalogEntry> expected, IReadOnlyList<CatalogEntry> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Same(e.Family, a.Family);
            Assert.Equal(e.BodyHtml, a.BodyHtml);
            Assert.Equal(e.ListedFolders, a.ListedFolders);
            Assert.Same(e.Versions, a.Versions);
        }
    }
}
