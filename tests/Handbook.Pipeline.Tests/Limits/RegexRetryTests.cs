namespace Handbook.Pipeline.Tests.Limits;

using System.Text.RegularExpressions;
using Handbook.Pipeline.Limits;

public class RegexRetryTests
{
    [Fact]
    public void Given_an_analysis_that_times_out_once_When_run_Then_the_second_run_gives_the_result()
    {
        var calls = 0;
        var result = RegexLimits.RetryOnceOnTimeout(0, _ => ++calls == 1 ? throw Timeout() : "found");

        Assert.Equal("found", result);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Given_an_analysis_that_always_times_out_When_run_Then_the_timeout_propagates_after_two_runs()
    {
        var calls = 0;
        Assert.Throws<RegexMatchTimeoutException>(() => RegexLimits.RetryOnceOnTimeout(0, int (_) => { calls++; throw Timeout(); }));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Given_a_pathological_text_When_a_real_pattern_is_run_Then_it_still_times_out()
    {
        // Catastrophic backtracking: (a+)+ on "aaaa…!" takes exponential time, far beyond the limit twice.
        var pattern = new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(50));
        var text = new string('a', 40) + "!";

        Assert.Throws<RegexMatchTimeoutException>(() => RegexLimits.RetryOnceOnTimeout(text, t => pattern.IsMatch(t)));
    }

    private static RegexMatchTimeoutException Timeout() => new("text", "pattern", TimeSpan.FromSeconds(1));
}
