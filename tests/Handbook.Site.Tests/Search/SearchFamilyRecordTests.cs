namespace Handbook.Site.Tests.Search;

using CsCheck;
using Handbook.JobFamilies.Model;
using Handbook.Site.Catalog;
using Handbook.Site.Search;
using Handbook.Site.Tests.Support;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// A one-shot build takes each family's search record while the theme renders it (<see cref="SearchFamilyRecord"/>)
/// and assembles the index from the records after the bullets are gone (<see cref="SearchIndex.Assemble"/>): the index
/// must be the one made from the families themselves, whatever order the records were made in.
/// </summary>
public class SearchFamilyRecordTests
{
    private static readonly Gen<string> Text = Gen.OneOf(Gen.Const("Fix bugs"), Gen.Const("Write tests"), Gen.Const("Review “designs”"), Gen.String[Gen.Char.AlphaNumeric, 1, 12]);

    private static readonly Gen<List<JobFamily>> FamiliesGen = RandomFamilies.Sites(Text, maxItems: 6, minFamilies: 1, maxFamilies: 6, maxLevels: 4, description: "Does things.");

    [Fact]
    public void Given_random_families_When_the_index_is_assembled_from_their_records_made_in_any_order_Then_it_is_the_index_of_the_families()
    {
        Gen.Select(FamiliesGen, Gen.Int).Sample((families, seed) =>
        {
            // Given the families' catalogue and their records, made in a shuffled order (as the theme's threads take them)
            var catalog = FamilyCatalog.From(families.Select(f => Page(f)));
            var expected = SearchIndex.Serialize(SearchIndex.Build(catalog));
            var records = new Dictionary<JobFamily, SearchFamilyRecord>(ReferenceEqualityComparer.Instance);
            var random = new Random(seed);
            foreach (var family in families.OrderBy(_ => random.Next()))
            {
                records[family] = SearchFamilyRecord.Of(family);
            }

            // When the families lose their bullets and the index is assembled from the records
            foreach (var role in families.SelectMany(f => f.Roles))
            {
                role.Responsibilities?.Items.Clear();
                role.Requirements?.Items.Clear();
                role.NiceToHaves?.Items.Clear();
            }

            var assembled = SearchIndex.Serialize(SearchIndex.Assemble(catalog, f => records[f]));

            // Then it is byte for byte the index made from the families with their bullets
            Assert.Equal(expected, assembled);
        });
    }

    [Fact]
    public void Given_a_family_whose_roles_share_texts_When_recorded_Then_each_text_is_held_once_and_each_role_points_at_its_distinct_texts_in_order()
    {
        // Given two levels sharing a bullet, one repeating a bullet in two sections
        var family = Family("sales/analyst", "Analyst");
        var junior = Level("Junior", "junior");
        junior.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Count things", "Report");
        var senior = Level("Senior", "senior", grade: "8", gradeTitle: "Senior");
        senior.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Lead", "Count things");
        senior.Requirements = Section(SectionKind.Requirements, "Requirements", "Lead");
        family.Levels.AddRange([junior, senior]);

        // When
        var record = SearchFamilyRecord.Of(family);

        // Then
        Assert.Equal(["Count things", "Report", "Lead"], record.Texts);
        Assert.Equal([0, 1], record.Roles[0].Texts);
        Assert.Equal([2, 0], record.Roles[1].Texts);
        Assert.Equal(("Senior", "senior", "8", "Senior"), (record.Roles[1].Name, record.Roles[1].Anchor, record.Roles[1].Grade, record.Roles[1].GradeTitle));
        Assert.Equal(("/job-families/sales/analyst/", "sales"), (record.Url, record.Department));
    }
}
