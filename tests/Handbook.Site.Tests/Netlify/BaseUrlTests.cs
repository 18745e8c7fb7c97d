namespace Handbook.Site.Tests.Netlify;

using Handbook.Site.Cli;

/// <summary>Which Netlify variable gives the base URL of a build.</summary>
public class BaseUrlTests
{
    private const string Production = "https://handbook.example.com";
    private const string Preview = "https://deploy-preview-42--handbook.netlify.app";

    [Theory]
    [InlineData("production", Production)]
    [InlineData("deploy-preview", Preview)]
    [InlineData("branch-deploy", Preview)]
    [InlineData(null, Production)]
    public void Netlify_context_picks_the_url(string? context, string expected)
    {
        var environment = new Dictionary<string, string?> { ["CONTEXT"] = context, ["URL"] = Production, ["DEPLOY_PRIME_URL"] = Preview };

        Assert.Equal(expected, CommonOptions.NetlifyBaseUrl(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void A_deploy_preview_without_a_prime_url_falls_back_to_url()
    {
        var environment = new Dictionary<string, string?> { ["CONTEXT"] = "deploy-preview", ["URL"] = Production };

        Assert.Equal(Production, CommonOptions.NetlifyBaseUrl(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void Outside_netlify_there_is_no_base_url()
    {
        Assert.Null(CommonOptions.NetlifyBaseUrl(_ => null));
    }
}
