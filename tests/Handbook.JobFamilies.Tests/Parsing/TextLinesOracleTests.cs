namespace Handbook.JobFamilies.Tests.Parsing;

using CsCheck;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Tests.Parsing.Oracles;

/// <summary>
/// Issue 9: <see cref="TextLines"/> finds lines as they are asked for instead of all up front. Given any text (LF,
/// CRLF, lone CR, empty lines, no final terminator), when lines are read, counted, joined and blanked in any order,
/// then the answers are the old implementation's (<see cref="OracleTextLines"/>).
/// </summary>
public class TextLinesOracleTests
{
    private static readonly Gen<string> Texts = Gen.String[Gen.Char["ab-: \n\r\t"], 0, 40];

    [Fact]
    public void Given_any_text_When_lines_are_blanked_first_Then_the_result_is_the_oracle_s()
    {
        Gen.Select(Texts, Gen.Int[-1, 12]).Sample((text, lastBlanked) =>
            Assert.Equal(new OracleTextLines(text).BlankThrough(lastBlanked), new TextLines(text).BlankThrough(lastBlanked)), iter: 20_000);
    }

    [Fact]
    public void Given_any_text_When_lines_are_read_one_by_one_then_blanked_Then_every_answer_is_the_oracle_s()
    {
        Gen.Select(Texts, Gen.Int[0, 12], Gen.Int[-1, 12]).Sample((text, read, lastBlanked) =>
        {
            var oracle = new OracleTextLines(text);
            var lines = new TextLines(text);
            for (var i = 0; i <= read; i++)
            {
                Assert.Equal(i < oracle.Count, lines.HasLine(i));
                if (i < oracle.Count)
                {
                    Assert.Equal(oracle[i], lines[i]);
                    Assert.Equal(oracle.Join(0, i), lines.Join(0, i));
                }
            }

            Assert.Equal(oracle.BlankThrough(lastBlanked), lines.BlankThrough(lastBlanked));
            Assert.Equal(oracle.Count, lines.Count);
            Assert.False(lines.HasLine(-1));
        }, iter: 20_000);
    }
}
