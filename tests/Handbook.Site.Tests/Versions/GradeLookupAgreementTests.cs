namespace Handbook.Site.Tests.Versions;

using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Versions;

/// <summary>
/// Two grade tables agree on a page's lookups when their tracks are the same and every looked-up grade has the same
/// row (or none) in both (<see cref="GradeLookupAgreement"/>); rows nobody looked up may differ.
/// </summary>
public sealed class GradeLookupAgreementTests
{
    private const string Tracks = "tracks:\n  - id: general\n    name: General\n  - id: sales\n    name: Sales\n    departments: [sales]\n";

    private static readonly GradeId[] Seven = [GradeId.Parse("7")];

    [Fact]
    public void Given_tables_that_differ_only_in_a_row_not_looked_up_When_compared_Then_they_agree()
    {
        var a = Table(Tracks + Rows(title8: "Lead"));
        var b = Table(Tracks + Rows(title8: "Head"));

        Assert.True(GradeLookupAgreement.Agree(a, b, Seven));
        Assert.False(GradeLookupAgreement.Agree(a, b, [GradeId.Parse("7"), GradeId.Parse("8")]));
    }

    [Theory]
    [InlineData("title")]
    [InlineData("track title")]
    [InlineData("career track")]
    [InlineData("equivalent")]
    [InlineData("note")]
    [InlineData("id as written")]
    [InlineData("removed")]
    public void Given_tables_whose_looked_up_row_differs_When_compared_Then_they_do_not_agree(string change)
    {
        var a = Table(Tracks + Rows());
        var b = Table(Tracks + change switch
        {
            "title" => Rows(title7: "Gardener"),
            "track title" => Rows(sales7: "Seller"),
            "career track" => Rows(extra7: "    track: management\n"),
            "equivalent" => Rows(extra7: "    equivalent: \"Engineer\"\n"),
            "note" => Rows(extra7: "    note: \"A note\"\n"),
            "id as written" => Rows(id7: "7.0"),
            _ => Rows(id7: null),
        });

        Assert.False(GradeLookupAgreement.Agree(a, b, Seven));
        Assert.False(GradeLookupAgreement.Agree(b, a, Seven));
    }

    [Fact]
    public void Given_a_grade_neither_table_has_When_compared_Then_they_agree_on_it()
    {
        var a = Table(Tracks + Rows(title8: "Lead"));
        var b = Table(Tracks + Rows(title8: "Head"));

        Assert.True(GradeLookupAgreement.Agree(a, b, [GradeId.Parse("9.5")]));
    }

    [Theory]
    [InlineData("    departments: [sales, marketing]\n")]
    [InlineData("  - id: support\n    name: Support\n")]
    public void Given_tables_whose_tracks_differ_When_compared_Then_they_do_not_agree_even_without_lookups(string trackChange)
    {
        var a = Table(Tracks + Rows());
        var changed = trackChange.StartsWith("    departments", StringComparison.Ordinal)
            ? Tracks.Replace("    departments: [sales]\n", trackChange, StringComparison.Ordinal)
            : Tracks + trackChange;
        var b = Table(changed + Rows());

        Assert.False(GradeLookupAgreement.Agree(a, b, []));
    }

    [Fact]
    public void Given_the_same_table_text_read_twice_When_compared_Then_they_agree_on_every_grade()
    {
        var a = Table(Tracks + Rows());
        var b = Table(Tracks + Rows());

        Assert.True(GradeLookupAgreement.Agree(a, b, a.Grades.Select(g => g.Id)));
    }

    private static GradeTable Table(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var table = GradeTableReader.Read(Fixtures.GradesPath, yaml, diagnostics);
        Assert.Empty(diagnostics);
        return table;
    }

    private static string Rows(string? id7 = "7", string title7 = "Gardener Seven", string sales7 = "Sales Seven", string extra7 = "", string title8 = "Gardener Eight") =>
        "grades:\n"
        + (id7 is null ? string.Empty : $"  - id: {id7}\n    title: \"{title7}\"\n    titles:\n      sales: \"{sales7}\"\n{extra7}")
        + $"  - id: 8\n    title: \"{title8}\"\n";
}
