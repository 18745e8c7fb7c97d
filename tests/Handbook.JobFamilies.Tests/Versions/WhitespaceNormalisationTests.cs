namespace Handbook.JobFamilies.Tests.Versions;

using CsCheck;
using Handbook.JobFamilies.Tests.Parsing.Oracles;
using Handbook.JobFamilies.Versions;

/// <summary>
/// <see cref="VersionFolding.NormaliseWhitespace"/> walks the lines in one pass (issue 9) instead of replacing line
/// ends and splitting into a string per line; the split version is kept here as the oracle.
/// </summary>
public class WhitespaceNormalisationTests
{
    // Line ends of every kind, trailing blanks, indentation, non-ASCII letters and characters near the ones that matter.
    private static readonly Gen<string> Texts = Gen.String[Gen.Char["ab \t\r\n\u00e9\u000b\u3000"], 0, 40];

    [Fact]
    public void For_any_text_the_one_pass_normalisation_equals_the_split_version()
    {
        Texts.Sample(text => VersionFolding.NormaliseWhitespace(text) == OracleNormalise(text), iter: 20_000);
    }

    [Fact]
    public void On_every_sample_and_real_page_and_its_CRLF_copy_the_normalisation_equals_the_split_version()
    {
        foreach (var (path, text) in OraclePages.All())
        {
            Assert.True(OracleNormalise(text) == VersionFolding.NormaliseWhitespace(text), path);
            var windows = text.Replace("\n", "  \r\n", StringComparison.Ordinal);
            Assert.True(OracleNormalise(windows) == VersionFolding.NormaliseWhitespace(windows), path + " (CRLF)");
        }
    }

    [Fact]
    public void Two_texts_compare_as_the_same_exactly_when_their_normalised_texts_are_equal()
    {
        // Folding compares texts without normalising them (SameAfterNormalising); the normalised texts are the oracle.
        // Independent short texts of few characters, and texts paired with a copy whose line ends were rewritten.
        var independent = Gen.Select(Gen.String[Gen.Char["a \t\r\n"], 0, 12], Gen.String[Gen.Char["a \t\r\n"], 0, 12]);
        var rewritten = Gen.Select(Texts, Gen.Int[0, int.MaxValue]).Select((text, seed) => (text, RewriteLineEnds(text, seed)));
        foreach (var pairs in new[] { independent, rewritten })
        {
            pairs.Sample(
                (a, b) => VersionFolding.SameAfterNormalising(a, b) == (VersionFolding.NormaliseWhitespace(a) == VersionFolding.NormaliseWhitespace(b))
                    && VersionFolding.SameAfterNormalising(b, a) == VersionFolding.SameAfterNormalising(a, b),
                iter: 20_000);
        }
    }

    [Theory]
    [InlineData("a\nb\n", "a  \r\nb", true)]
    [InlineData("\n\na\n", "a", true)]
    [InlineData("a\n\n\n\nb", "a\r\n\t\r\nb\n\n", true)]
    [InlineData("a\nb", "a\n\nb", false)]
    [InlineData("a\nb", "ab", false)]
    [InlineData(" a", "a", false)]
    [InlineData("a\n", "a\nb", false)]
    [InlineData("", " \t\r\n", true)]
    public void Texts_that_differ_only_in_what_normalising_drops_compare_as_the_same(string a, string b, bool same)
    {
        Assert.Equal(same, VersionFolding.SameAfterNormalising(a, b));
        Assert.Equal(same, VersionFolding.NormaliseWhitespace(a) == VersionFolding.NormaliseWhitespace(b));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("\r\n\r\n", "")]
    [InlineData("a", "a\n")]
    [InlineData("a\r\r\nb", "a\n\nb\n")]
    [InlineData("  a \t\r\n\r\n\r\n b\t", "  a\n\n b\n")]
    public void Line_ends_of_every_kind_each_end_a_line_and_blank_runs_become_one(string text, string expected)
    {
        Assert.Equal(expected, VersionFolding.NormaliseWhitespace(text));
        Assert.Equal(expected, OracleNormalise(text));
    }

    // Each line end replaced by another kind, some with trailing blanks or an extra blank line (chosen by the seed).
    private static string RewriteLineEnds(string text, int seed)
    {
        string[] ends = ["\n", "\r\n", "\r", " \n", "\t\r\n", "\n\n"];
        var random = new Random(seed);
        var builder = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c is '\n' or '\r' ? ends[random.Next(ends.Length)] : c.ToString());
        }

        return builder.ToString();
    }

    // The implementation before issue 9's sixth session, verbatim.
    private static string OracleNormalise(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var builder = new System.Text.StringBuilder(text.Length);
        var pendingBlank = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd(' ', '\t');
            if (line.Length == 0)
            {
                pendingBlank = builder.Length > 0;
                continue;
            }

            if (pendingBlank)
            {
                builder.Append('\n');
                pendingBlank = false;
            }

            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }
}
