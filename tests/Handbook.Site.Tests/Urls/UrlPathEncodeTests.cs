namespace Handbook.Site.Tests.Urls;

using CsCheck;
using Handbook.Site.Urls;

/// <summary>
/// <see cref="UrlPath.Encode"/> returns a path of unreserved characters as it is instead of splitting, escaping and
/// joining it. The oracle is the general path it skips (<see cref="UrlPath.EncodeSegments"/>, the whole method before):
/// the same string for every path.
/// </summary>
public class UrlPathEncodeTests
{
    [Theory]
    [InlineData("/job-families/engineering/backend-engineer/")]
    [InlineData("/job-families/sales/account_executive.v2/#senior-level")]
    [InlineData("/job-families/a/#fragment with space%20")]
    [InlineData("/job-families/a b/")]
    [InlineData("/job-families/caf\u00e9/")]
    [InlineData("/job-families/%41lready%20escaped/")]
    [InlineData("/job-families/50%/")]
    [InlineData("/job-families/a+b/?query=1")]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("/~user/")]
    public void Given_a_path_When_encoded_Then_it_is_what_encoding_each_segment_gives(string path)
    {
        Assert.Equal(UrlPath.EncodeSegments(path), UrlPath.Encode(path));
    }

    [Fact]
    public void Given_generated_paths_When_encoded_Then_each_is_what_encoding_each_segment_gives()
    {
        // Mostly URL-like paths (the fast path), with reserved, escaped and non-ASCII characters mixed in
        var chars = Gen.OneOf(
            Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_.~/"],
            Gen.Char["ABCXYZ#%?+ &=:@!$'()*,;[]\u00e9\u00a0\u65e5"],
            Gen.Char);
        chars.Array[0, 40].Select(a => new string(a)).Sample(path => Assert.Equal(UrlPath.EncodeSegments(path), UrlPath.Encode(path)), iter: 20_000);
    }

    [Fact]
    public void Given_a_path_that_needs_no_encoding_When_encoded_Then_the_same_string_comes_back()
    {
        var path = "/job-families/engineering/backend-engineer/#level-2";

        Assert.Same(path, UrlPath.Encode(path));
    }
}
