namespace Handbook.Site.Tests.Browser;

using Microsoft.Playwright;
using Xunit.Abstractions;

/// <summary>The print stylesheet, in Chromium's print emulation: one clean family document.</summary>
public sealed class PrintTests(SampleSiteFixture site, ITestOutputHelper output) : IClassFixture<SampleSiteFixture>
{
    private const string FamilyPath = "/job-families/sales/account-executive/";

    /// <summary>Navigation chrome that must not be printed.</summary>
    private static readonly string[] Chrome =
        [".skip-link", "header.site-header", "nav.breadcrumbs", "nav.toc", "nav.family-pager", ".page-actions", "footer.site-footer"];

    [BrowserFact]
    public async Task Given_a_family_page_When_printed_Then_navigation_is_hidden_alternatives_are_expanded_and_link_urls_are_shown()
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1200 } });
        await page.GotoAsync(site.UrlOf(FamilyPath));

        // Before: on screen the chrome is shown and the alternatives are closed.
        Assert.Equal("block", await DisplayOf(page, "nav.breadcrumbs"));
        Assert.False(await page.Locator("details.extends-alternative li").First.IsVisibleAsync());

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        foreach (var selector in Chrome)
        {
            Assert.True(await page.Locator(selector).CountAsync() > 0, selector + " is not on the page");
            Assert.Equal("none", await DisplayOf(page, selector));
        }

        Assert.True(await page.Locator("details.extends-alternative li").First.IsVisibleAsync(), "closed alternatives are printed expanded");
        var after = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.page-body a[href^=\"/job-families/\"]'), '::after').content");
        Assert.Contains("/job-families/", after, StringComparison.Ordinal);
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.page-body a[href^=\"#\"]'), '::after').content"));
        Assert.True(await page.Locator("main h1").IsVisibleAsync());

        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "print-account-executive.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        output.WriteLine("print screenshot: " + file);
        Assert.True(new FileInfo(file).Length > 10_000);
        await page.Context.CloseAsync();
    }

    private static Task<string> DisplayOf(IPage page, string selector) =>
        page.EvaluateAsync<string>("s => getComputedStyle(document.querySelector(s)).display", selector);
}
