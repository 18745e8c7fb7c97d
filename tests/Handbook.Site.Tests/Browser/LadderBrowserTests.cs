namespace Handbook.Site.Tests.Browser;

using Microsoft.Playwright;

/// <summary>Career-ladder navigation on the built sample site, in Chromium.</summary>
public sealed class LadderBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private const string ManagerPage = "/job-families/engineering/engineering-manager/";

    [BrowserFact]
    public async Task Given_a_ladder_diagram_When_Mermaid_draws_it_Then_its_click_targets_are_links_in_the_drawing()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(site.UrlOf(ManagerPage));

        // The vendored Mermaid is about 5 MB of script: give a loaded machine time to parse it and draw.
        await page.Locator("pre.mermaid svg").WaitForAsync(new() { Timeout = 60_000 });
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>("pre.mermaid svg a", "els => els.map(a => a.getAttribute('href') || a.getAttribute('xlink:href'))");

        Assert.Contains("/job-families/engineering/development/backend/staff/", hrefs);
    }

    [BrowserFact]
    public async Task Given_JavaScript_is_off_When_a_page_with_a_ladder_diagram_opens_Then_its_links_are_listed_below_it()
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await page.GotoAsync(site.UrlOf(ManagerPage));

        var link = page.Locator(".diagram-links a", new() { HasText = "Staff Backend Engineer" });

        Assert.True(await link.IsVisibleAsync());
        await Task.WhenAll(page.WaitForURLAsync("**/job-families/engineering/development/backend/staff/"), link.ClickAsync());
    }

    [BrowserFact]
    public async Task Given_the_section_index_When_following_a_department_ladder_link_Then_families_are_listed_from_the_lowest_grade_up()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(site.UrlOf("/job-families/"));

        await Task.WhenAll(page.WaitForURLAsync("**/job-families/finance/ladder/"), page.Locator("a[href='/job-families/finance/ladder/']").ClickAsync());

        var firstGrades = await page.EvalOnSelectorAllAsync<string[]>(
            ".ladder-family",
            "els => els.map(e => (e.querySelector('.ladder-levels .grade-badge') || {}).textContent || '')");
        var numbers = firstGrades.Where(g => g.Length > 0).Select(g => decimal.Parse(g.Replace("Grade ", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Count >= 2);
        Assert.Equal(numbers.Order(), numbers);
    }
}
