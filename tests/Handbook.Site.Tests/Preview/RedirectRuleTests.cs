namespace Handbook.Site.Tests.Preview;

using Handbook.Site.Preview;

public sealed class RedirectRuleTests
{
    [Fact]
    public void Rules_parse_status_force_and_skip_comments_and_unsupported_lines()
    {
        var rules = NetlifyRedirects.Parse("# comment\n/a /b\n/c /d 302!\n/e /f Country=de\n/g /h 418\n\n");

        Assert.Equal([new RedirectRule("/a", "/b", 301, false), new RedirectRule("/c", "/d", 302, true)], rules);
    }

    [Theory]
    [InlineData("/old", "/old", "/new")]
    [InlineData("/old", "/old/", "/new")]
    [InlineData("/old", "/older", null)]
    [InlineData("/docs/*", "/docs/a/b/", "/new/a/b/")]
    [InlineData("/docs/*", "/docs", "/new/")]
    [InlineData("/docs/*", "/documents", null)]
    public void Rules_match_with_or_without_trailing_slash_and_fill_the_splat(string from, string path, string? expected)
    {
        var rule = new RedirectRule(from, from.EndsWith('*') ? "/new/:splat" : "/new", 301, false);

        Assert.Equal(expected, rule.Match(path));
    }
}
