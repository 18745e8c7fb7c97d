namespace Handbook.Site.Tests.Search;

using CsCheck;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Catalog;
using Handbook.Site.Search;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// The index lists each role's bullet positions with one reused set instead of a LINQ <c>Distinct</c> per role, and
/// serialises into a stream sized by <see cref="SearchIndex.EstimatedLength"/>: the positions must be the old
/// query's (the oracle below) and the estimate must cover the file, or the stream grows again.
/// </summary>
public class SearchIndexBuildingTests
{
    private static readonly Gen<string> Text = Gen.OneOf(Gen.Const("Fix bugs"), Gen.Const("Write tests"), Gen.Const("Review “designs”"), Gen.Const("Lead \"hiring\"\n"), Gen.String[Gen.Char.AlphaNumeric, 1, 40]);

    private static Section? SectionOf(SectionKind kind, string[] texts) =>
        texts.Length == 0 ? null : Section(kind, kind.ToString(), texts);

    private static readonly Gen<Role> RoleGen = Gen.Select(Gen.Int[0, 99], Text.Array[0, 6], Text.Array[0, 6], Text.Array[0, 3])
        .Select((n, responsibilities, requirements, nice) =>
        {
            var role = Level("Level " + n, "level-" + n, grade: n % 3 == 0 ? null : (n % 12).ToString(System.Globalization.CultureInfo.InvariantCulture));
            role.Responsibilities = SectionOf(SectionKind.Responsibilities, responsibilities);
            role.Requirements = SectionOf(SectionKind.Requirements, requirements);
            role.NiceToHaves = SectionOf(SectionKind.NiceToHaves, nice);
            return role;
        });

    private static readonly Gen<List<JobFamily>> FamiliesGen = RoleGen.List[0, 5].List[1, 6].Select(families =>
        families.Select((roles, i) =>
        {
            var family = Family("dept/family-" + i, "Family “" + i + "”", i % 2 == 0 ? "Does things." : null);
            family.Levels.AddRange(roles);
            return family;
        }).ToList());

    [Fact]
    public void Given_random_families_When_indexed_Then_each_roles_positions_are_the_distinct_positions_of_its_bullets_in_order()
    {
        FamiliesGen.Sample(families =>
        {
            var root = SearchIndex.Build(FamilyCatalog.From(families.Select(f => Page(f))));

            // The oracle: the query the index used before, over the texts table the index made.
            var positions = root.Texts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
            var expected = root.Families.Zip(families.OrderBy(f => f.Url, StringComparer.Ordinal))
                .SelectMany(p => p.Second.Roles.Select(role => new[] { role.Responsibilities, role.Requirements, role.NiceToHaves }
                    .OfType<Section>().SelectMany(s => s.Items).Select(i => positions[i.Text]).Distinct().ToList()));
            Assert.Equal(expected, root.Families.SelectMany(f => f.Roles).Select(r => r.Items));
            Assert.Equal(families.SelectMany(f => f.Roles).SelectMany(r => new[] { r.Responsibilities, r.Requirements, r.NiceToHaves }.OfType<Section>().SelectMany(s => s.Items)).Select(i => i.Text).Distinct().Order(StringComparer.Ordinal), root.Texts.Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public void Given_random_families_When_serialised_Then_the_estimate_covers_the_file_without_doubling_it()
    {
        FamiliesGen.Sample(families =>
        {
            var root = SearchIndex.Build(FamilyCatalog.From(families.Select(f => Page(f))));

            var bytes = SearchIndex.SerializeToUtf8Bytes(root);

            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(SearchIndex.Serialize(root)), bytes);
            Assert.InRange(SearchIndex.EstimatedLength(root), bytes.Length, (bytes.Length * 3 / 2) + 1024);
        });
    }
}
