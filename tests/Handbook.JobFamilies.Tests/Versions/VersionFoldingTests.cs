namespace Handbook.JobFamilies.Tests.Versions;

using CsCheck;
using Handbook.JobFamilies.Versions;

public sealed class VersionFoldingTests
{
    private static readonly Dictionary<string, string> Texts = [];

    [Fact]
    public void A_whitespace_only_edit_is_folded_into_the_older_version_with_the_reason()
    {
        // Given three versions, newest first, where the newest only adds trailing spaces, blank lines and CRLF
        var v1 = Version("1111111", "* Writes docs\n* Reviews docs\n");
        var v2 = Version("2222222", "# Writer\n\n* Writes docs\n* Reviews docs\n* Plans docs\n");
        var v3 = Version("3333333", "# Writer  \r\n\r\n\r\n* Writes docs\r\n* Reviews docs\r\n* Plans docs\t\r\n\r\n");

        var folded = VersionFolding.Fold([v3, v2, v1], v => Texts[v.BlobSha]);

        Assert.Equal([v2.CommitSha, v1.CommitSha], folded.Select(v => v.CommitSha));
        var fold = Assert.Single(folded[0].Folded);
        Assert.Equal(v3, fold.Version);
        Assert.Equal(VersionFolding.WhitespaceReason, fold.Reason);
        Assert.Empty(folded[1].Folded);
    }

    [Fact]
    public void A_run_of_equal_versions_collapses_into_the_oldest()
    {
        var v1 = Version("1111111", "text\n");
        var v2 = Version("2222222", "text \n");
        var v3 = Version("3333333", "\ntext\n\n");

        var folded = Assert.Single(VersionFolding.Fold([v3, v2, v1], v => Texts[v.BlobSha]));

        Assert.Equal(v1.CommitSha, folded.CommitSha);
        Assert.Equal([v2.CommitSha, v3.CommitSha], folded.Folded.Select(f => f.Version.CommitSha));
    }

    [Fact]
    public void Equal_text_is_not_folded_across_a_grade_table_change_unless_asked()
    {
        var v1 = Version("1111111", "text\n", grades: "aaaa");
        var v2 = Version("2222222", "text \n", grades: "bbbb");

        Assert.Equal(2, VersionFolding.Fold([v2, v1], v => Texts[v.BlobSha]).Count);
        Assert.Single(VersionFolding.Fold([v2, v1], v => Texts[v.BlobSha], requireSameGradeData: false));
    }

    [Fact]
    public void Versions_that_are_equal_but_not_consecutive_stay_apart()
    {
        var v1 = Version("1111111", "A\n");
        var v2 = Version("2222222", "B\n");
        var v3 = Version("3333333", "A\n");

        Assert.Equal(3, VersionFolding.Fold([v3, v2, v1], v => Texts[v.BlobSha]).Count);
    }

    [Fact]
    public void The_normalisation_is_a_hook_so_rendered_content_can_be_compared_too()
    {
        var v1 = Version("1111111", "<p>Hello</p>");
        var v2 = Version("2222222", "<P>hello</P>");

        var folded = VersionFolding.Fold([v2, v1], v => Texts[v.BlobSha], s => s.ToUpperInvariant(), reason: "same rendered page");

        Assert.Equal("same rendered page", Assert.Single(Assert.Single(folded).Folded).Reason);
    }

    [Fact]
    public void Folding_without_a_normalisation_folds_exactly_what_the_whitespace_normalisation_folds()
    {
        // Given histories of versions whose texts differ in words, line ends, trailing blanks and blank lines, some
        // unknown, some across a grade table change
        string[] texts = ["a\nb\n", "a  \r\nb", "a\n\nb\n", "\na\nb\n\n", "a\nc\n", "a\r\n\r\n\r\nb"];
        var gen = Gen.Int[0, texts.Length].Array[0, 8];
        gen.Sample(choices =>
        {
            var versions = choices
                .Select((choice, i) => Version($"{i + 1}{i + 1}{i + 1}{i + 1}{i + 1}{i + 1}{i + 1}", choice == texts.Length ? "unknown" : texts[choice], grades: choice % 4 == 3 ? "g2" : "g1"))
                .Reverse()
                .ToList();
            string? TextOf(PageVersion v) => Texts[v.BlobSha] == "unknown" ? null : Texts[v.BlobSha];

            // When they are folded with the default comparison and with the normalisation given explicitly (the oracle)
            var folded = VersionFolding.Fold(versions, TextOf);
            var oracle = VersionFolding.Fold(versions, TextOf, VersionFolding.NormaliseWhitespace);

            // Then the same versions are kept, each with the same folded ones
            return folded.Select(Describe).SequenceEqual(oracle.Select(Describe));
        }, iter: 2_000, threads: 1);
    }

    [Fact]
    public void An_unknown_text_is_never_folded() =>
        Assert.Equal(2, VersionFolding.Fold([Version("2222222", "x"), Version("1111111", "x")], _ => null).Count);

    [Fact]
    public void Whitespace_normalisation_keeps_indentation_and_words()
    {
        Assert.Equal("a\n  * b\n\nc\n", VersionFolding.NormaliseWhitespace("\r\n a".TrimStart() + "  \r\n  * b\n\n\n\nc"));
        Assert.NotEqual(VersionFolding.NormaliseWhitespace("* a\n"), VersionFolding.NormaliseWhitespace("  * a\n"));
    }

    [Fact]
    public void Since_and_max_versions_keep_the_newest_versions_in_the_window()
    {
        var versions = Enumerable.Range(1, 5)
            .Select(day => Version($"{day}{day}{day}{day}{day}{day}{day}", "x", date: new DateTimeOffset(2022, 1, day, 12, 0, 0, TimeSpan.Zero)))
            .Reverse()
            .ToList();
        var history = new FamilyHistory("job-families/x.md", versions);

        var limited = FamilyVersionsLimit.Apply(history, new DateOnly(2022, 1, 2), 3);

        Assert.Equal(["2022-01-05", "2022-01-04", "2022-01-03"], limited.Versions.Select(v => v.Id[..10]));
        Assert.Equal(4, FamilyVersionsLimit.Apply(history, new DateOnly(2022, 1, 2), null).Versions.Count);
    }

    private static string Describe(PageVersion version) =>
        version.CommitSha + ":" + string.Join(",", version.Folded.Select(f => f.Version.CommitSha + "/" + f.Reason));

    private static PageVersion Version(string sha, string text, string? grades = null, DateTimeOffset? date = null)
    {
        var blob = "blob-" + sha;
        Texts[blob] = text;
        var when = date ?? new DateTimeOffset(2022, 9, int.Parse(sha[..1], System.Globalization.CultureInfo.InvariantCulture), 0, 0, 0, TimeSpan.Zero);
        return new PageVersion(VersionId.Create(when, sha), sha, when, "commit " + sha, "Author", "job-families/x.md", blob, grades);
    }
}
