namespace Handbook.JobFamilies.Tests.Links;

using CsCheck;
using Handbook.JobFamilies.Links;

/// <summary>
/// <see cref="LinkAddress.TryResolvePlain"/> resolves plain links without <see cref="Uri"/>: whenever it answers, its
/// path and fragment must be exactly those of <see cref="LinkAddress.ResolveWithUri"/> (the general path, the oracle).
/// Absolute links to an internal host skip the scheme regex and <see cref="Uri"/>: <see cref="LinkAddress.Parse"/>
/// must equal <see cref="LinkAddress.ParseWithUri"/> (every property of the record).
/// </summary>
public class LinkAddressPlainPathTests
{
    // Segments that matter to resolution: plain words, dot segments and near-dot segments, escapes, non-ASCII,
    // characters a URL must escape, empty segments ('//') and the query and fragment delimiters.
    private static readonly Gen<string> Segment = Gen.OneOf(
        Gen.String[Gen.Char["abcXYZ09-_~"], 1, 6],
        Gen.OneOf(Gen.Const("."), Gen.Const(".."), Gen.Const("..."), Gen.Const("a."), Gen.Const(".a"), Gen.Const("a..")),
        Gen.OneOf(Gen.Const("%20"), Gen.Const("%2F"), Gen.Const("%C3%A9"), Gen.Const("%zz"), Gen.Const("é"), Gen.Const("a b")),
        Gen.OneOf(Gen.Const(string.Empty), Gen.Const("?q=1"), Gen.Const(":"), Gen.Const("\\"), Gen.Const("~x")));

    private static readonly Gen<string> PathText = Gen.Select(Gen.Bool, Segment.List[0, 6], Gen.Bool)
        .Select((rooted, segments, slash) => (rooted ? "/" : string.Empty) + string.Join('/', segments) + (slash ? "/" : string.Empty));

    private static readonly Gen<string?> FragmentText = Gen.OneOf(
        Gen.Const<string?>((string?)null),
        Gen.Const<string?>(string.Empty),
        Gen.String[Gen.Char["abc-_.~/09"], 1, 8].Select(s => (string?)s),
        Gen.OneOf(Gen.Const<string?>("a%20b"), Gen.Const<string?>("é"), Gen.Const<string?>("a#b"), Gen.Const<string?>("x?y")));

    private static readonly Gen<string> Reference = Gen.Select(PathText, FragmentText)
        .Select((path, fragment) => fragment is null ? path : path + "#" + fragment);

    private static readonly Gen<string> PageUrl = Gen.OneOf(
        Gen.Const("/"),
        Gen.Const("/job-families/sales/account-executive/"),
        Gen.Const("/job-families/a/b"),
        Gen.Const("/job-families/ingénieur/"),
        Gen.Const("/job-families/x%20y/"),
        Gen.Const("/job-families/a/?tab=1"),
        PathText.Where(p => p.StartsWith('/')));

    [Fact]
    public void Given_any_reference_and_page_When_the_plain_path_answers_Then_it_equals_the_uri_resolution()
    {
        Gen.Select(Reference, PageUrl).Sample((reference, pageUrl) =>
        {
            if (LinkAddress.TryResolvePlain(reference, pageUrl) is not var (path, fragment))
            {
                return;
            }

            var oracle = LinkAddress.ResolveWithUri(reference, pageUrl, string.Empty);
            Assert.Equal(LinkAddressKind.Internal, oracle.Kind);
            Assert.Equal(oracle.Path, path);
            Assert.Equal(oracle.Fragment, fragment);
        }, iter: 20_000);
    }

    // Hosts as written and as configured: plain names in any case, numeric and odd forms Uri rewrites or rejects,
    // a trailing dot, a port, user info.
    private static readonly Gen<string> Host = Gen.OneOf(
        Gen.Const("about.gitlab.com"), Gen.Const("About.GitLab.com"), Gen.Const("example.com"), Gen.Const("1.2.3"),
        Gen.Const("127.0.0.1"), Gen.Const("0x7f.1"), Gen.Const("a..b"), Gen.Const("-a.com"), Gen.Const("about.gitlab.com."),
        Gen.Const("about.gitlab.com:443"), Gen.Const("me@about.gitlab.com"), Gen.Const(string.Empty), Gen.Const("xn--caf-dma.com"),
        Gen.Const("café.com"), Gen.String[Gen.Char["ab.-1"], 1, 6]);

    private static readonly Gen<string> Absolute = Gen.Select(
            Gen.OneOf(Gen.Const("https://"), Gen.Const("http://"), Gen.Const("HTTPS://"), Gen.Const("//"), Gen.Const("ftp://"), Gen.Const("https:/"), Gen.Const(" https://")),
            Host,
            Gen.OneOf(Gen.Const(string.Empty), Gen.Const("#a"), Reference.Select(r => "/" + r), Reference.Select(r => "/" + r + " x")))
        .Select((scheme, host, rest) => scheme + host + rest);

    [Fact]
    public void Given_any_absolute_url_and_internal_hosts_When_parsed_Then_the_result_equals_the_uri_parse()
    {
        Gen.Select(Absolute, Host.Array[0, 3], PageUrl).Sample((url, hosts, pageUrl) =>
        {
            var hostList = hosts.Append("about.gitlab.com").ToArray();
            Assert.Equal(LinkAddress.ParseWithUri(url, pageUrl, hostList), LinkAddress.Parse(url, pageUrl, hostList));
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("https://about.gitlab.com/handbook/hiring/", "https://about.gitlab.com", "/handbook/hiring/", null)]
    [InlineData("HTTP://About.GitLab.com/handbook/x/#gitlab-job-grades", "HTTP://About.GitLab.com", "/handbook/x/", "gitlab-job-grades")]
    [InlineData("//about.gitlab.com/a/../b/", "https://about.gitlab.com", "/b/", null)]
    public void Given_a_plain_internal_absolute_link_When_parsed_Then_it_is_internal_with_its_origin(string url, string origin, string path, string? fragment)
    {
        var address = LinkAddress.Parse(url, "/job-families/a/", ["about.gitlab.com"]);

        Assert.Equal(LinkAddressKind.Internal, address.Kind);
        Assert.Equal(origin, address.Origin);
        Assert.Equal(path, address.Path);
        Assert.Equal(fragment, address.Fragment);
        Assert.Equal(LinkAddress.ParseWithUri(url, "/job-families/a/", ["about.gitlab.com"]), address);
    }

    [Theory]
    [InlineData("/handbook/values/", "/job-families/a/", "/handbook/values/", null)]
    [InlineData("/handbook/x/#background-checks", "/job-families/a/", "/handbook/x/", "background-checks")]
    [InlineData("../solutions-architect/", "/job-families/sales/account-executive/", "/job-families/sales/solutions-architect/", null)]
    [InlineData("./#levels", "/job-families/a/", "/job-families/a/", "levels")]
    [InlineData("senior", "/job-families/a/", "/job-families/a/senior", null)]
    [InlineData("../../../../x", "/job-families/a/", "/x", null)]
    [InlineData("/a/b/..", "/", "/a/", null)]
    [InlineData("/a/#", "/", "/a/", "")]
    public void Given_a_plain_link_When_resolved_Then_the_plain_path_answers_as_uri_does(string reference, string pageUrl, string path, string? fragment)
    {
        var plain = LinkAddress.TryResolvePlain(reference, pageUrl);
        var oracle = LinkAddress.ResolveWithUri(reference, pageUrl, string.Empty);

        Assert.Equal((path, fragment), plain);
        Assert.Equal(path, oracle.Path);
        Assert.Equal(fragment, oracle.Fragment);
    }

    [Theory]
    [InlineData("/job-families/ing%C3%A9nieur/", "/")]
    [InlineData("/job-families/ingénieur/", "/")]
    [InlineData("/x/?tab=2", "/")]
    [InlineData("//other.example/x", "/")]
    [InlineData("/a/.../b", "/")]
    [InlineData("/x/#a%20b", "/")]
    [InlineData("senior", "/job-families/ingénieur/")]
    public void Given_a_link_that_needs_decoding_or_uri_rules_When_resolved_Then_the_plain_path_declines(string reference, string pageUrl)
    {
        Assert.Null(LinkAddress.TryResolvePlain(reference, pageUrl));
    }
}
