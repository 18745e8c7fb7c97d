namespace Handbook.JobFamilies.Tests.Versions;

using CsCheck;
using Handbook.JobFamilies.Versions.Diff;

/// <summary>
/// A section whose items are the same in both versions is not diffed (issue 9): the fast path must say exactly
/// what the DiffPlex comparison says – no change – for any items, and sections that differ still go through it.
/// </summary>
public class VersionDiffSameItemsTests
{
    // Items with spaces, tabs and line breaks (the diff ignores white space and joins items one per line).
    private static readonly Gen<string> Items = Gen.String[Gen.Char["ab \t\n\r"], 0, 8];

    [Fact]
    public void For_any_items_the_diffplex_comparison_of_a_section_with_a_copy_of_itself_reports_no_change()
    {
        Items.List[0, 12].Sample(
            items => VersionDiff.CompareItemsByDiff("Responsibilities", items, items.ToList()) is null,
            iter: 5_000);
    }

    [Fact]
    public void For_any_two_item_lists_the_diff_reports_a_change_exactly_when_diffplex_does()
    {
        Gen.Select(Items.List[0, 6], Items.List[0, 6]).Sample(
            (older, newer) =>
            {
                var viaCompare = VersionDiff.Compare(Model(older), Model(newer)).Roles.SelectMany(r => r.Sections).SingleOrDefault();
                var viaDiffPlex = VersionDiff.CompareItemsByDiff("Responsibilities", older, newer);
                return viaDiffPlex is null
                    ? viaCompare is null
                    : viaCompare is not null
                        && viaCompare.Added.SequenceEqual(viaDiffPlex.Added)
                        && viaCompare.Removed.SequenceEqual(viaDiffPlex.Removed)
                        && viaCompare.Changed.SequenceEqual(viaDiffPlex.Changed);
            },
            iter: 5_000);
    }

    [Fact]
    public void Given_an_unchanged_section_beside_a_changed_one_When_compared_Then_only_the_changed_one_is_reported()
    {
        var before = new VersionModel([new RoleModel("Writer", null, [new SectionModel("Responsibilities", ["Writes", "Edits"]), new SectionModel("Requirements", ["Reads"])])]);
        var after = new VersionModel([new RoleModel("Writer", null, [new SectionModel("Responsibilities", ["Writes", "Edits"]), new SectionModel("Requirements", ["Reads well"])])]);

        var section = Assert.Single(Assert.Single(VersionDiff.Compare(before, after).Roles).Sections);

        Assert.Equal("Requirements", section.Section);
        Assert.Equal([new ItemChange("Reads", "Reads well")], section.Changed);
    }

    private static VersionModel Model(IReadOnlyList<string> items) =>
        new([new RoleModel("Writer", null, [new SectionModel("Responsibilities", items)])]);
}
