namespace Handbook.Site.Tests.Browser;

using Microsoft.Playwright;

/// <summary>The compare-levels page on the built sample site, in Chromium: by keyboard, with and without JavaScript.</summary>
public sealed class CompareBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private const string ComparePage = "/job-families/engineering/backend-engineer/compare/";
    private const string JuniorSenior = "#compare-1-3";
    private const string JuniorIntermediate = "#compare-1-2";

    /// <summary>The shown pair heading and the level names of the visible columns of the first table.</summary>
    private static async Task<(string[] Pairs, string[] Columns)> Visible(IPage page) =>
        (await page.EvalOnSelectorAllAsync<string[]>(".compare-pair", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)"),
         await page.EvalOnSelectorAllAsync<string[]>(".compare-table:first-of-type thead th", "els => els.filter(e => e.offsetParent !== null).map(e => e.querySelector('a').textContent)"));

    private static async Task<List<string>> VisiblePairs(IPage page) => [.. (await Visible(page)).Pairs];

    /// <summary>Tabs from the top of the page until the link with this text has focus (fails after 60 stops).</summary>
    private static async Task TabTo(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvalOnSelectorAsync<bool>(selector, "el => el === document.activeElement"))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException("Tab never reached " + selector);
    }

    [BrowserFact]
    public async Task Given_the_compare_page_without_JavaScript_When_a_pair_link_is_followed_by_keyboard_Then_only_that_pair_shows()
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await page.GotoAsync(site.UrlOf(ComparePage));
        Assert.Equal([JuniorIntermediate[1..]], await VisiblePairs(page));
        Assert.Equal(["Junior Backend Engineer", "Intermediate Backend Engineer"], (await Visible(page)).Columns);

        await TabTo(page, $".compare-choose a[href='{JuniorSenior}']");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**" + JuniorSenior);
        Assert.Equal([JuniorSenior[1..]], await VisiblePairs(page));
        Assert.Equal(["Junior Backend Engineer", "Senior Backend Engineer"], (await Visible(page)).Columns);
    }

    [BrowserFact]
    public async Task Given_the_compare_page_When_a_pair_shows_Then_inherited_bullets_share_a_row_with_their_origin()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(site.UrlOf(ComparePage + JuniorSenior));

        var shared = page.Locator(".compare-table tr.has-1.has-3").First;
        var cells = (await shared.EvaluateAsync<string[]>("tr => [...tr.cells].filter(c => c.offsetParent !== null).map(c => c.innerText)")).ToList();

        Assert.Equal(2, cells.Count);
        Assert.StartsWith(cells[0].Trim(), cells[1].Trim(), StringComparison.Ordinal); // same bullet, the right one says where it comes from
        Assert.Contains("from Junior Backend Engineer", cells[1], StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Given_the_compare_page_with_JavaScript_When_the_level_pickers_are_used_by_keyboard_Then_the_chosen_pair_shows_and_the_URL_names_it()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(site.UrlOf(ComparePage));
        var pickers = page.Locator(".compare-pickers select");
        Assert.Equal(2, await pickers.CountAsync());

        await TabTo(page, ".compare-pickers label:nth-child(2) select");
        await page.Keyboard.PressAsync("ArrowDown"); // Intermediate → Senior

        await page.WaitForURLAsync("**" + JuniorSenior);
        Assert.Equal([JuniorSenior[1..]], await VisiblePairs(page));
        Assert.Equal("3", await pickers.Nth(1).InputValueAsync());
        Assert.Equal(["Junior Backend Engineer", "Senior Backend Engineer"], (await Visible(page)).Columns);
    }
}
