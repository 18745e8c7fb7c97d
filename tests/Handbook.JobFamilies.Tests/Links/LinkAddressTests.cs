namespace Handbook.JobFamilies.Tests.Links;

using Handbook.JobFamilies.Links;

public class LinkAddressTests
{
    private const string Page = "/job-families/sales/account-executive/";
    private static readonly string[] Hosts = ["about.gitlab.com"];

    private static LinkAddress Parse(string url) => LinkAddress.Parse(url, Page, Hosts);

    [Theory]
    [InlineData("/job-families/sales/", "/job-families/sales/", null)]
    [InlineData("/job-families/sales/x/#senior", "/job-families/sales/x/", "senior")]
    [InlineData("#senior", Page, "senior")]
    [InlineData("../solutions-architect/", "/job-families/sales/solutions-architect/", null)]
    [InlineData("senior", "/job-families/sales/account-executive/senior", null)]
    [InlineData("./#levels", Page, "levels")]
    [InlineData("https://about.gitlab.com/job-families/sales/x/#a", "/job-families/sales/x/", "a")]
    [InlineData("HTTPS://About.GitLab.com/job-families/sales/x", "/job-families/sales/x", null)]
    [InlineData("/job-families/sales/ing%C3%A9nieur/", "/job-families/sales/ingénieur/", null)]
    [InlineData("/job-families/sales/x/?tab=2#a%20b", "/job-families/sales/x/", "a b")]
    public void Given_an_internal_link_When_parsed_Then_the_path_is_root_relative_and_decoded(string url, string path, string? fragment)
    {
        var address = Parse(url);

        Assert.Equal(LinkAddressKind.Internal, address.Kind);
        Assert.Equal(path, address.Path);
        Assert.Equal(fragment, address.Fragment);
    }

    [Theory]
    [InlineData("https://example.com/page")]
    [InlineData("//cdn.example.com/x.js")]
    [InlineData("mailto:jobs@example.com")]
    [InlineData("https://about.gitlab.com.evil.example/job-families/")]
    public void Given_a_link_to_another_site_When_parsed_Then_it_is_external(string url)
    {
        Assert.Equal(LinkAddressKind.External, Parse(url).Kind);
    }

    [Theory]
    [InlineData("https//example.com/x", "https://example.com/x")]
    [InlineData("www.example.com/jobs", "https://www.example.com/jobs")]
    [InlineData("gitlab.com/gitlab-org", "https://gitlab.com/gitlab-org")]
    [InlineData("http:/example.com", "http://example.com")]
    [InlineData("https:///example.com/a", "https://example.com/a")]
    [InlineData("https://exa mple.com/", null)]
    public void Given_a_broken_external_url_When_parsed_Then_it_is_malformed_with_the_probable_url(string url, string? suggestion)
    {
        var address = Parse(url);

        Assert.Equal(LinkAddressKind.Malformed, address.Kind);
        Assert.Equal(suggestion, address.Suggestion);
    }

    [Fact]
    public void Given_an_image_beside_the_page_When_parsed_Then_it_is_an_internal_relative_path_not_a_host()
    {
        var address = Parse("ladder.png");

        Assert.Equal(LinkAddressKind.Internal, address.Kind);
        Assert.True(address.IsRelative);
        Assert.Equal("/job-families/sales/account-executive/ladder.png", address.Path);
    }

    [Theory]
    [InlineData("/job-families/a", "/job-families/a/", null, "/job-families/a/")]
    [InlineData("https://about.gitlab.com/job-families/a#x", "/job-families/a/", "x", "https://about.gitlab.com/job-families/a/#x")]
    [InlineData("#Senior", Page, "senior", "#senior")]
    [InlineData("../ingénieur", "/job-families/sales/ingénieur/", null, "/job-families/sales/ing%C3%A9nieur/")]
    public void Given_a_correction_When_rewritten_Then_the_link_keeps_the_form_it_was_written_in(string url, string path, string? fragment, string expected)
    {
        Assert.Equal(expected, Parse(url).Rewrite(path, fragment));
    }
}
