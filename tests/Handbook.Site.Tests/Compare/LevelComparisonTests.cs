namespace Handbook.Site.Tests.Compare;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Compare;
using static Handbook.Site.Tests.Support.Families;

public class LevelComparisonTests
{
    private static Item Own(string text) => new() { Text = text, Location = new SourceLocation("x.md", 1, 1) };

    private static Item Inherited(string text) =>
        new() { Text = text, Location = new SourceLocation("x.md", 1, 1), InheritedFrom = new InheritedFrom("/job-families/e/be/#junior", "Junior", SectionKind.Responsibilities) };

    private static List<(string? Left, string? Right)> Texts(IEnumerable<ComparedRow> rows) =>
        rows.Select(r => (r.Left?.Text, r.Right?.Text)).ToList();

    [Fact]
    public void Given_a_senior_that_inherits_the_juniors_bullets_When_aligned_Then_each_inherited_bullet_shares_a_row_with_its_origin()
    {
        IReadOnlyList<Item> junior = [Own("Fix bugs"), Own("Write tests")];
        IReadOnlyList<Item> senior = [Own("Extends the Junior responsibilities"), Inherited("Fix bugs"), Inherited("Write tests"), Own("Review designs")];

        var rows = LevelComparison.Align(junior, senior);

        Assert.Equal(
            [(null, "Extends the Junior responsibilities"), ("Fix bugs", "Fix bugs"), ("Write tests", "Write tests"), (null, "Review designs")],
            Texts(rows));
        Assert.Equal([false, true, true, false], rows.Select(r => r.IsShared));
        Assert.NotNull(rows[1].Right!.InheritedFrom);
    }

    [Fact]
    public void Given_bullets_that_differ_only_in_case_and_punctuation_When_aligned_Then_they_share_a_row()
    {
        var rows = LevelComparison.Align([Own("Own the *weekly* plan.")], [Own("own the weekly plan")]);

        Assert.Single(rows);
        Assert.True(rows[0].IsShared);
    }

    [Fact]
    public void Given_bullets_only_one_side_has_When_aligned_Then_every_bullet_appears_once_in_its_own_order()
    {
        IReadOnlyList<Item> left = [Own("A"), Own("B"), Own("C")];
        IReadOnlyList<Item> right = [Own("X"), Own("B"), Own("Y"), Own("Z")];

        var rows = LevelComparison.Align(left, right);

        Assert.Equal(["A", "B", "C"], rows.Select(r => r.Left?.Text).OfType<string>());
        Assert.Equal(["X", "B", "Y", "Z"], rows.Select(r => r.Right?.Text).OfType<string>());
        Assert.Single(rows, r => r.IsShared);
        Assert.Equal(("B", "B"), Texts(rows).Single(r => r.Left == r.Right));
    }

    [Fact]
    public void Given_bullets_without_letters_When_aligned_Then_they_never_match_each_other()
    {
        var rows = LevelComparison.Align([Own("–"), Own("Same")], [Own("–"), Own("Same")]);

        Assert.Equal(3, rows.Count);
        Assert.Equal([false, false, true], rows.Select(r => r.IsShared));
    }

    [Fact]
    public void Given_an_empty_side_When_aligned_Then_the_other_side_fills_its_column_alone()
    {
        Assert.Equal([(null, "Only here")], Texts(LevelComparison.Align([], [Own("Only here")])));
        Assert.Equal([("Only there", null)], Texts(LevelComparison.Align([Own("Only there")], [])));
        Assert.Empty(LevelComparison.Align([], []));
    }
}
