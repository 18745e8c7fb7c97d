namespace Handbook.JobFamilies.Tests.Markdown;

using CsCheck;
using Handbook.JobFamilies.Markdown;
using Handbook.JobFamilies.Tests.Parsing.Oracles;

/// <summary>
/// Issue 9: <see cref="KramdownIds.Generate"/> writes the id into a pooled buffer instead of a builder.
/// Given any heading text, short or long, when its id is made, then it is the old one's.
/// </summary>
public class KramdownIdsOracleTests
{
    [Fact]
    public void Given_any_heading_text_When_its_id_is_made_Then_it_is_the_oracle_s()
    {
        var characters = Gen.Char["aZ09 -_.é?İ\u212A\t"];
        Gen.String[characters, 0, 40].Sample(text => Assert.Equal(OracleKramdownIds.Generate(text), KramdownIds.Generate(text)), iter: 20_000);
        Gen.String[characters, 250, 1200].Sample(text => Assert.Equal(OracleKramdownIds.Generate(text), KramdownIds.Generate(text)), iter: 500);
    }
}
