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
