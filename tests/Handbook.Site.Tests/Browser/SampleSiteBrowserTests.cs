namespace Handbook.Site.Tests.Browser;

/// <summary>The smallest end-to-end check that the browser set-up works: the section index renders in Chromium.</summary>
public sealed class SampleSiteBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    [BrowserFact]
    public async Task Given_the_sample_site_When_Chromium_opens_the_section_index_Then_it_shows_the_families()
    {
        var page = await site.Browser.NewPageAsync();

        var response = await page.GotoAsync(site.UrlOf("/job-families/"));

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("h1").First.InnerTextAsync()));
        Assert.True(await page.Locator("main a[href^='/job-families/']").CountAsync() > 10);
    }
}
