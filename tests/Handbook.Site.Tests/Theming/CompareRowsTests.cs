namespace Handbook.Site.Tests.Theming;

using System.Globalization;
using CsCheck;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Compare;
using Handbook.Site.Theming;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// <see cref="CompareRows"/> makes each column class list and each "from" link once per page and shares them: every
/// row must still show what it showed when each was made for it (the spelled class list, the resolved origin).
/// </summary>
public class CompareRowsTests
{
    private static readonly InheritedFrom FromJunior = new("#junior", "Junior", SectionKind.Responsibilities);

    private static Item Own(string text) => new() { Text = text, Location = new SourceLocation("x.md", 1, 1) };

    private static Item Inherited(string text, InheritedFrom from) => new() { Text = text, Location = new SourceLocation("x.md", 1, 1), InheritedFrom = from };

    private static string Spelled(IReadOnlyList<Item?> cells) =>
        string.Join(' ', cells.Select((c, i) => c is null ? null : "has-" + (i + 1).ToString(CultureInfo.InvariantCulture)).OfType<string>());

    [Fact]
    public void Given_random_column_patterns_When_rows_are_made_Then_each_class_list_names_exactly_the_columns_that_list_the_bullet()
    {
        // Up to 70 levels: past 64 the class list is spelled per row instead of looked up.
        Gen.Bool.Array[1, 70].Array[1, 12].Sample(patterns =>
        {
            var rows = patterns.Select(p => new MatrixRow(p.Select(has => has ? Own("x") : null).ToArray())).ToList();

            var views = new CompareRows(Family("eng/backend", "Backend")).Of(rows);

            Assert.Equal(rows.Select(r => Spelled(r.Cells)), views.Select(v => v.Has));
        });
    }

    [Fact]
    public void Given_rows_with_the_same_columns_and_origins_When_made_Then_they_share_one_class_list_and_one_link_resolved_against_the_family()
    {
        var rows = new List<MatrixRow>
        {
            new([Own("Fix bugs"), Inherited("Fix bugs", FromJunior), null]),
            new([Own("Write tests"), Inherited("Write tests", FromJunior), null]),
            new([null, Own("Review"), Inherited("Review", new InheritedFrom("/job-families/eng/other/#senior", "Senior", SectionKind.Responsibilities))]),
        };

        var views = new CompareRows(Family("eng/backend", "Backend")).Of(rows);

        Assert.Equal(["has-1 has-2", "has-1 has-2", "has-2 has-3"], views.Select(v => v.Has));
        Assert.Same(views[0].Has, views[1].Has);
        var first = views[0].Cells[1]!.InheritedFrom!;
        Assert.Same(first, views[1].Cells[1]!.InheritedFrom);
        Assert.Equal(("Junior", "/job-families/eng/backend/#junior"), (first.Text, first.Url));
        Assert.Equal(("Senior", "/job-families/eng/other/#senior"), (views[2].Cells[2]!.InheritedFrom!.Text, views[2].Cells[2]!.InheritedFrom!.Url));
        Assert.Null(views[0].Cells[0]!.InheritedFrom);
        Assert.Null(views[0].Cells[2]);
        Assert.Equal("Review", views[2].Cells[1]!.Text);
    }
}
