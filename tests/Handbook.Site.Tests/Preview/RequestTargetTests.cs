namespace Handbook.Site.Tests.Preview;

using Handbook.Site.Preview;

public sealed class RequestTargetTests
{
    [Theory]
    [InlineData("/", "/", 0)]
    [InlineData("/a/b/", "/a/b/", 2)]
    [InlineData("/a/b?x=1", "/a/b", 2)]
    [InlineData("/a%20b", "/a b", 1)]
    public void Safe_targets_parse_into_decoded_segments(string raw, string path, int segments)
    {
        var target = RequestTarget.Parse(raw);

        Assert.NotNull(target);
        Assert.Equal(path, target.Path);
        Assert.Equal(segments, target.Segments.Count);
    }

    [Theory]
    [InlineData("/a/./b")]
    [InlineData("/a/%2e/b")]
    [InlineData("/a//b")]
    [InlineData("/%252e%252e/")]
    [InlineData("/a%2fb")]
    [InlineData("*")]
    [InlineData("")]
    public void Unsafe_targets_are_refused(string raw) => Assert.Null(RequestTarget.Parse(raw));
}
