namespace Handbook.JobFamilies.Tests.Grades;

using CsCheck;
using Handbook.JobFamilies.Grades;

/// <summary>
/// <see cref="CalculatorLink.Classify"/> answers "not the calculator" at once for a plain URL that does not spell the
/// page's name. The oracle is the path it skips (<see cref="CalculatorLink.ClassifyParsed"/>, the whole method before):
/// the same kind for every URL.
/// </summary>
public class CalculatorLinkFastPathTests
{
    [Theory]
    [InlineData("/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades")]
    [InlineData("https://about.gitlab.com/handbook/total-rewards/compensation/Compensation-Calculator/index.html#grade-7")]
    [InlineData("https://about.gitlab.com/handbook/total-rewards/compensation/compensation%2Dcalculator/")]
    [InlineData("https://about.gitlab.com/handbook/total-rewards/compensation/compensation%2dcalculator/#job-grades")]
    [InlineData("((../compensation-calculator))")]
    [InlineData("<compensation-calculator#customer-success>")]
    [InlineData("/job-families/engineering/backend-engineer/#senior")]
    [InlineData("https://example.com/compensation-calculatorx/")]
    [InlineData("  /handbook/compensation-calculator  ")]
    [InlineData("mailto:someone@example.com")]
    public void Given_a_link_When_classified_Then_the_kind_is_what_taking_it_apart_gives(string url)
    {
        Assert.Equal(CalculatorLink.ClassifyParsed(url), CalculatorLink.Classify(url));
    }

    [Fact]
    public void Given_generated_links_When_classified_Then_each_kind_is_what_taking_it_apart_gives()
    {
        // Links built from pieces: schemes and hosts (gitlab and others), path segments that spell the page name in
        // other cases, escaped or split, wrappers, queries and anchors, and now and then any character at all
        var segment = Gen.OneOf(
            Gen.Const("compensation-calculator"), Gen.Const("Compensation-CALCULATOR"), Gen.Const("compensation%2Dcalculator"),
            Gen.Const("compensation%2dcalculator"), Gen.Const("compensation-calc"), Gen.Const("ulator"), Gen.Const("index.html"),
            Gen.Const(".."), Gen.Const("."), Gen.Const("handbook"), Gen.Const("total-rewards"), Gen.Const("compensation"),
            Gen.String[Gen.Char["abcxyz-_.%2D~\\"], 0, 8], Gen.String[0, 4]);
        var start = Gen.OneOf(Gen.Const(string.Empty), Gen.Const("/"), Gen.Const("https://about.gitlab.com/"), Gen.Const("http://gitlab.com/"),
            Gen.Const("https://docs.gitlab.com/"), Gen.Const("https://example.com/"), Gen.Const("HTTPS://GITLAB.COM/"), Gen.Const("../"));
        var end = Gen.OneOf(Gen.Const(string.Empty), Gen.Const("/"), Gen.Const("/#gitlab-job-grades"), Gen.Const("#grade-7"), Gen.Const("#job-grades"),
            Gen.Const("?x=1#Customer-Success"), Gen.Const("/index.html"), Gen.Const("#"));
        var wrap = Gen.OneOf(Gen.Const(("", "")), Gen.Const(("(", ")")), Gen.Const(("((", "))")), Gen.Const(("<", ">")), Gen.Const((" ", "\t")));
        var url = Gen.Select(start, segment.Array[0, 5], end, wrap, (s, parts, e, w) => w.Item1 + s + string.Join('/', parts) + e + w.Item2);

        url.Sample(u => Assert.Equal(CalculatorLink.ClassifyParsed(u), CalculatorLink.Classify(u)), iter: 50_000);
    }
}
