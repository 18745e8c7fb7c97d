namespace Handbook.Site.Tests.Versions;

using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Versions;

/// <summary>
/// Two grade tables agree on pages' lookups when their tracks are the same and every looked-up grade is unknown in
/// both or found in both with the same id as written and the same title in the page's track
/// (<see cref="GradeLookupAgreement"/>); rows, fields and titles no lookup reads may differ.
/// </summary>
public sealed class GradeLookupAgreementTests
{
    private const string Tracks = "tracks:\n  - id: general\n    name: General\n  - id: sales\n    name: Sales\n    departments: [sales]\n";

    private static readonly GradeLookups SevenInGeneral = new(GradeTable.GeneralTrackId, [GradeId.Parse("7")]);
    private static readonly GradeLookups SevenInSales = new("sales", [GradeId.Parse("7")]);

    [Fact]
    public void Given_tables_that_differ_only_in_a_row_not_looked_up_When_compared_Then_they_agree()
    {
        var a = Table(Tracks + Rows(title8: "Lead"));
        var b = Table(Tracks + Rows(title8: "Head"));

        Assert.True(GradeLookupAgreement.Agree(a, b, [SevenInGeneral]));
        Assert.False(GradeLookupAgreement.Agree(a, b, [SevenInGeneral, new(GradeTable.GeneralTrackId, [GradeId.Parse("8")])]));
    }

    [Theory]
    [InlineData("title", "general")]
    [InlineData("track title", "sales")]
    [InlineData("id as written", "general")]
    [InlineData("removed", "general")]
    [InlineData("removed", "sales")]
    public void Given_tables_whose_answer_to_a_lookup_differs_When_compared_Then_they_do_not_agree(string change, string track)
    {
        var a = Table(Tracks + Rows());
        var b = Table(Tracks + Changed(change));

        GradeLookups[] lookups = [track == "sales" ? SevenInSales : SevenInGeneral];
        Assert.False(GradeLookupAgreement.Agree(a, b, lookups));
        Assert.False(GradeLookupAgreement.Agree(b, a, lookups));
    }

    [Theory]
    [InlineData("title", "sales")]
    [InlineData("track title", "general")]
    [InlineData("career track", "general")]
    [InlineData("equivalent", "general")]
    [InlineData("note", "sales")]
    public void Given_tables_that_differ_in_what_a_lookup_does_not_read_When_compared_Then_they_agree(string change, string track)
    {
        // The sales title of 7 is its own, so the general title does not show in the sales track (and vice versa); a
        // career track, equivalent or note never shows on a family page
        var a = Table(Tracks + Rows());
        var b = Table(Tracks + Changed(change));

        GradeLookups[] lookups = [track == "sales" ? SevenInSales : SevenInGeneral];
        Assert.True(GradeLookupAgreement.Agree(a, b, lookups));
    }

    [Fact]
    public void Given_a_grade_neither_table_has_When_compared_Then_they_agree_on_it()
    {
        var a = Table(Tracks + Rows(title8: "Lead"));
        var b = Table(Tracks + Rows(title8: "Head"));

        Assert.True(GradeLookupAgreement.Agree(a, b, [new(GradeTable.GeneralTrackId, [GradeId.Parse("9.5")])]));
    }

    [Fact]
    public void Given_lookups_of_two_pages_When_one_of_them_gets_another_answer_Then_they_do_not_agree()
    {
        // A page at grade 8 expanding a page at grade 7: the renamed 7 reaches the first page through the second
        var a = Table(Tracks + Rows());
        var b = Table(Tracks + Changed("title"));

        Assert.True(GradeLookupAgreement.Agree(a, b, [new(GradeTable.GeneralTrackId, [GradeId.Parse("8")])]));
        Assert.False(GradeLookupAgreement.Agree(a, b, [new(GradeTable.GeneralTrackId, [GradeId.Parse("8")]), SevenInGeneral]));
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
    public void Given_the_same_table_text_read_twice_When_compared_Then_they_agree_on_every_grade_in_every_track()
    {
        var a = Table(Tracks + Rows());
        var b = Table(Tracks + Rows());

        Assert.True(GradeLookupAgreement.Agree(a, b, a.Tracks.Select(t => new GradeLookups(t.Id, a.Grades.Select(g => g.Id).ToList()))));
    }

    private static string Changed(string change) => change switch
    {
        "title" => Rows(title7: "Gardener"),
        "track title" => Rows(sales7: "Seller"),
        "career track" => Rows(extra7: "    track: management\n"),
        "equivalent" => Rows(extra7: "    equivalent: \"Engineer\"\n"),
        "note" => Rows(extra7: "    note: \"A note\"\n"),
        "id as written" => Rows(id7: "7.0"),
        _ => Rows(id7: null),
    };

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
