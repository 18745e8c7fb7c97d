namespace Handbook.Site.Tests.Browser;

using Microsoft.Playwright;

/// <summary>The "extends" alternatives (README: "How expansion renders") by keyboard and in the accessibility tree.</summary>
public sealed class ExtendsAlternativesKeyboardTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    [BrowserFact]
    public async Task Given_a_choice_of_roles_When_a_keyboard_user_tabs_to_an_alternative_and_presses_Enter_Then_it_opens_and_its_items_are_announced_as_a_list()
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await page.GotoAsync(site.UrlOf("/job-families/sales/account-executive/"));

        // The choice is a named group whose alternatives are expandable controls named after the role.
        var group = page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Inherits from one of these roles" });
        Assert.Equal(1, await group.CountAsync());
        var alternatives = group.Locator("details.extends-alternative");
        Assert.True(await alternatives.CountAsync() >= 2);
        var firstSummary = alternatives.First.Locator("summary");
        var name = (await firstSummary.InnerTextAsync()).Trim();

        // Tab through the page until that summary has focus.
        var reached = false;
        for (var i = 0; i < 80 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await firstSummary.EvaluateAsync<bool>("s => s === document.activeElement");
        }

        Assert.True(reached, "the first alternative's summary was not reached with Tab");
        Assert.False(await alternatives.First.EvaluateAsync<bool>("d => d.open"));
        Assert.Equal("3px", await firstSummary.EvaluateAsync<string>("s => getComputedStyle(s).outlineWidth"));

        await page.Keyboard.PressAsync("Enter");

        Assert.True(await alternatives.First.EvaluateAsync<bool>("d => d.open"));
        var items = alternatives.First.GetByRole(AriaRole.Listitem);
        Assert.True(await items.CountAsync() > 0);
        Assert.True(await items.First.IsVisibleAsync());
        Assert.StartsWith("from ", (await items.First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(name));

        await page.Keyboard.PressAsync("Space");
        Assert.False(await alternatives.First.EvaluateAsync<bool>("d => d.open"));
        await page.Context.CloseAsync();
    }
}
