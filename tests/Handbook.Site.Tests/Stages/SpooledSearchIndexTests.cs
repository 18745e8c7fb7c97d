namespace Handbook.Site.Tests.Stages;

using CsCheck;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Output;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Search;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// A build whose theme recorded every family writes <c>/search-index.json</c> straight from the spooled search texts
/// (<see cref="SpooledSearchIndex"/>, <see cref="SearchIndexStreamWriter"/>): no text is made a string again, and the
/// file must be byte for byte the index serialised from the families themselves.
/// </summary>
public class SpooledSearchIndexTests
{
    // Texts that repeat within and across families (one of them non-ASCII, one needing escapes), and random ones.
    private static readonly Gen<string> Text = Gen.OneOf(Gen.Const("Fix bugs"), Gen.Const("Write tests"), Gen.Const("Review “designs”"), Gen.Const("Lead \"hiring\"\n</script>"), Gen.String[Gen.Char.AlphaNumeric, 1, 12]);

    private static readonly Gen<List<JobFamily>> FamiliesGen = RandomFamilies.Sites(Text, maxItems: 5, minFamilies: 0, maxFamilies: 5, maxLevels: 3, description: "Does “things”.");

    [Fact]
    public void Given_random_families_recorded_by_the_theme_When_the_index_is_written_from_the_spool_Then_it_is_the_index_of_the_families()
    {
        using var folder = new TempFolder();
        var settings = new SiteSettings();
        FamiliesGen.Sample(
            families =>
            {
                // Given every family recorded (in reverse order, as threads may take them), then its bullets let go
                var pages = families.Select(f => Page(f)).ToArray();
                var catalog = FamilyCatalog.From(pages);
                var expected = new MemoryStream();
                SearchIndex.WriteUtf8(SearchIndex.Build(catalog), expected);
                using var staging = new OutputWriter(folder["out"]).BeginStaging();
                using var outputs = new PerFamilyOutputs(TestTheme.Instance, settings, new StageFinishedPages(staging, settings, nameof(RenderTheme)));
                outputs.Begin(catalog);
                foreach (var page in pages.Reverse())
                {
                    outputs.Record(page, page.Get(Handbook.JobFamilies.JobFamilyKeys.Family), CancellationToken.None);
                }

                foreach (var role in families.SelectMany(f => f.Roles))
                {
                    role.Responsibilities?.Items.Clear();
                    role.Requirements?.Items.Clear();
                    role.NiceToHaves?.Items.Clear();
                }

                // When
                Assert.True(SpooledSearchIndex.CanWrite(catalog, outputs));
                var written = new MemoryStream();
                SpooledSearchIndex.Write(written, catalog, outputs);

                // Then
                Assert.Equal(expected.ToArray(), written.ToArray());
            },
            iter: 40);
    }

    [Fact]
    public void Given_a_family_the_theme_did_not_record_When_asked_Then_the_index_is_not_written_from_the_spool()
    {
        // Given two families, only one recorded
        using var folder = new TempFolder();
        var settings = new SiteSettings();
        var recorded = Family("sales/analyst", "Analyst");
        var other = Family("sales/manager", "Manager");
        var pages = new[] { Page(recorded), Page(other) };
        using var staging = new OutputWriter(folder["out"]).BeginStaging();
        using var outputs = new PerFamilyOutputs(TestTheme.Instance, settings, new StageFinishedPages(staging, settings, nameof(RenderTheme)));
        outputs.Begin(FamilyCatalog.From(pages));
        outputs.Record(pages[0], recorded, CancellationToken.None);

        // When / Then
        Assert.False(SpooledSearchIndex.CanWrite(FamilyCatalog.From(pages), outputs));
    }
}
