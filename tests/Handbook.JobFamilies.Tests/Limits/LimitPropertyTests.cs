namespace Handbook.JobFamilies.Tests.Limits;

using System.Diagnostics;
using System.Text;
using CsCheck;
using Handbook.JobFamilies.Erb;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Tests.Erb;
using Handbook.JobFamilies.Tests.Extends;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Limits;

/// <summary>
/// Each limit of the plugin, as a property over generated inputs: below the limit nothing is reported and the input is
/// used in full; above it there is exactly the limit's diagnostic, at a position inside the input, and the work stops
/// in bounded time. See docs/readme-reliability.md for the table of limits.
/// </summary>
[Trait("Category", "Limits")]
public sealed class LimitPropertyTests
{
    private const string Page = "job-families/widgets/index.html.md.erb";

    [Fact]
    public void Property_partials_nested_deeper_than_the_limit_stop_with_LIMIT010_at_the_last_partial_allowed()
    {
        // Given a chain of n partials, each including the next, the last one plain text
        Gen.Int[1, 3 * ErbExpander.MaxPartialDepth].Sample(
            n =>
            {
                var env = new InMemoryErbEnvironment();
                for (var i = 0; i < n; i++)
                {
                    env.Files[$"_p{i}.md"] = i == n - 1 ? $"{i} end" : $"{i} <%= partial('p{i + 1}') %>";
                }

                // When the page including the first one is expanded
                var diagnostics = new List<Diagnostic>();
                var result = ErbExpander.Expand(Page, "<%= partial('p0') %>", env, diagnostics);

                // Then up to the limit everything is included; beyond it exactly one LIMIT010, in the deepest partial allowed
                if (n <= ErbExpander.MaxPartialDepth)
                {
                    Assert.Empty(diagnostics);
                    Assert.EndsWith($"{n - 1} end", result.Text, StringComparison.Ordinal);
                }
                else
                {
                    var d = Assert.Single(diagnostics);
                    Assert.Equal(ErbCodes.DepthLimit, d.Code);
                    Assert.Equal($"_p{ErbExpander.MaxPartialDepth - 1}.md", d.Location.Path);
                    Assert.DoesNotContain($"{ErbExpander.MaxPartialDepth} ", result.Text, StringComparison.Ordinal);
                }
            },
            iter: 60,
            threads: 1);
    }

    [Fact]
    public void Property_partials_that_multiply_stop_with_LIMIT011_once_the_page_is_too_large_or_includes_too_much()
    {
        // Given d levels of partials where each includes the next f times, and a leaf of s characters: s·f^(d-1)
        // characters and f + f² + … + f^(d-1) inclusions in all
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 10], Gen.Int[1, 20_000]).Sample(
            t =>
            {
                var (fanOut, depth, leaf) = t;
                var env = new InMemoryErbEnvironment();
                for (var level = 0; level < depth; level++)
                {
                    env.Files[$"_l{level}.md"] = level == depth - 1
                        ? new string('x', leaf)
                        : string.Concat(Enumerable.Repeat($"<%= partial('l{level + 1}') %>", fanOut));
                }

                var expectedLength = leaf * Math.Pow(fanOut, depth - 1);
                var inclusions = Enumerable.Range(0, depth).Sum(k => Math.Pow(fanOut, k));
                var diagnostics = new List<Diagnostic>();
                var clock = Stopwatch.StartNew();

                // When the page is expanded
                var result = ErbExpander.Expand(Page, "<%= partial('l0') %>", env, diagnostics);

                // Then a page within both limits is complete; any other gets one LIMIT011 and stops near the limit, quickly
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:F1} s");
                Assert.True(result.Text.Length <= ErbExpander.MaxExpandedLength + leaf, $"{result.Text.Length} characters");
                var withinLimits = inclusions <= ErbExpander.MaxPartialInclusions && expectedLength <= ErbExpander.MaxExpandedLength;
                if (withinLimits)
                {
                    Assert.Empty(diagnostics);
                    Assert.Equal(expectedLength, result.Text.Length);
                }
                else if (diagnostics.Count > 0)
                {
                    var d = Assert.Single(diagnostics);
                    Assert.Equal((ErbCodes.ExpandedTooLarge, Severity.Error), (d.Code, d.Severity));
                    Assert.StartsWith("_l", d.Location.Path, StringComparison.Ordinal);
                    Assert.Equal(1, d.Location.Line);
                }
                else
                {
                    // The last leaf may push the text past the size limit with no tag left to stop at.
                    Assert.True(inclusions <= ErbExpander.MaxPartialInclusions && expectedLength <= ErbExpander.MaxExpandedLength + leaf);
                    Assert.Equal(expectedLength, result.Text.Length);
                }
            },
            iter: 20,
            threads: 1);
    }

    [Fact]
    public void Ten_partials_that_each_include_the_next_ten_times_stop_with_LIMIT011_instead_of_making_ten_billion_copies()
    {
        var env = new InMemoryErbEnvironment();
        for (var level = 0; level < 10; level++)
        {
            env.Files[$"_l{level}.md"] = level == 9 ? "lol " : string.Concat(Enumerable.Repeat($"<%= partial('l{level + 1}') %>", 10));
        }

        var diagnostics = new List<Diagnostic>();
        var clock = Stopwatch.StartNew();
        var result = ErbExpander.Expand(Page, "Intro\n<%= partial('l0') %>", env, diagnostics);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:F1} s");
        var d = Assert.Single(diagnostics);
        Assert.Equal(ErbCodes.ExpandedTooLarge, d.Code);
        Assert.Contains("1,000 times", d.Message, StringComparison.Ordinal);
        Assert.StartsWith("Intro\nlol lol ", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_of_a_megabyte_included_six_times_stops_with_LIMIT011_at_the_fifth_for_its_size()
    {
        var env = new InMemoryErbEnvironment();
        env.Files["_big.md"] = new string('x', 1024 * 1024);

        var diagnostics = new List<Diagnostic>();
        var result = ErbExpander.Expand(Page, string.Concat(Enumerable.Repeat("<%= partial('big') %>\n", 6)), env, diagnostics);

        var d = Assert.Single(diagnostics);
        Assert.Equal((ErbCodes.ExpandedTooLarge, Page, 5), (d.Code, d.Location.Path, d.Location.Line));
        Assert.Contains("4,194,304 characters", d.Message, StringComparison.Ordinal);
        Assert.InRange(result.Text.Length, ErbExpander.MaxExpandedLength, ErbExpander.MaxExpandedLength + (1024 * 1024) + 10);
    }

    [Fact]
    public void Property_an_extends_chain_longer_than_the_limit_is_LIMIT012_for_every_role_beyond_it()
    {
        // Given n levels, each extending the one above ("includes all of the responsibilities above")
        Gen.Int[2, ExtendsCodes.MaxChainLength + 10].Sample(
            n =>
            {
                var page = new StringBuilder("## Levels\n\n");
                for (var i = 1; i <= n; i++)
                {
                    page.Append("### Widget Level ").Append(i).Append("\n\n#### Responsibilities\n\n");
                    if (i > 1)
                    {
                        page.Append("* This role includes all of the responsibilities above, plus:\n");
                    }

                    page.Append("* Duty ").Append(i).Append("\n\n");
                }

                // When the extends pass runs
                var f = ExtendsFixture.RunPage(page.ToString());

                // Then level i reaches back i-1 roles: levels reaching back more than the limit are each told once
                Assert.All(f.Diagnostics, d => Assert.Equal(ExtendsCodes.ChainTooLong, d.Code));
                Assert.Equal(Math.Max(0, n - ExtendsCodes.MaxChainLength - 1), f.Diagnostics.Count);
                Assert.All(f.Diagnostics, d => Assert.InRange(d.Location.Line, 1, page.ToString().Count(c => c == '\n')));
            },
            iter: 20,
            threads: 1);
    }

    [Fact]
    public void Property_blocks_nested_too_deeply_give_LIMIT020_and_the_page_still_parses()
    {
        // Given block quotes or list items nested d deep
        Gen.Select(Gen.Int[1, 200], Gen.Bool).Sample(
            t =>
            {
                var (depth, quotes) = t;
                var page = quotes
                    ? string.Concat(Enumerable.Repeat("> ", depth)) + "deep\n"
                    : string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "- deep\n"));
                var diagnostics = new List<Diagnostic>();

                // When parsed
                var family = new JobFamilyParser().Parse("job-families/widgets/deep.md", page, diagnostics);

                // Then shallow pages parse quietly, very deep ones get one LIMIT020, and the page is never lost
                Assert.NotNull(family.Body);
                var limits = diagnostics.Where(d => d.Code == "LIMIT020").ToList();
                Assert.True(limits.Count <= 1);
                if (depth <= 30)
                {
                    Assert.Empty(limits);
                }

                if (depth >= 128)
                {
                    Assert.Single(limits);
                }
            },
            iter: 25,
            threads: 1);
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(40_000)]
    public void A_sentence_that_makes_the_extends_patterns_backtrack_is_LIMIT030_at_its_line_and_the_page_still_builds(int repeats)
    {
        // Given a page whose second paragraph repeats "includes all the" tens of thousands of times (the extends
        // patterns backtrack over it for minutes without a timeout)
        var page = "## Responsibilities\n\nThis " + string.Concat(Enumerable.Repeat("includes all the ", repeats)) + "x\n\n* Duty\n";
        var clock = Stopwatch.StartNew();

        // When the extends pass runs
        var f = ExtendsFixture.RunPage(page);

        // Then it stops within seconds with LIMIT030 at that paragraph, and the rest of the page is there
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed.TotalSeconds:F1} s");
        var d = Assert.Single(f.Diagnostics);
        Assert.Equal((RegexLimits.TimedOutCode, Severity.Error, 3, 1), (d.Code, d.Severity, d.Location.Line, d.Location.Column));
        Assert.Contains("extends statement", d.Message, StringComparison.Ordinal);
        Assert.Contains("<li>Duty</li>", f.Html, StringComparison.Ordinal);
    }
}
