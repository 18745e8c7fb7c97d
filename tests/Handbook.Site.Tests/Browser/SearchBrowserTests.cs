namespace Handbook.Site.Tests.Browser;

using System.Text.Json;
using Microsoft.Playwright;

/// <summary>The search box and results page on the built sample site, in Chromium.</summary>
public sealed class SearchBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private static readonly string[] GradeEight = ["8"];

    /// <summary>The families of the export that have a level or specialty at one of <paramref name="grades"/>.</summary>
    private HashSet<string> FamiliesWithGrade(string[] grades)
    {
        using var export = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.OutputFolder, "api", "job-families.json")));
        return export.RootElement.GetProperty("families").EnumerateArray()
            .Where(f => f.GetProperty("levels").EnumerateArray().Concat(f.GetProperty("specialties").EnumerateArray())
                .Any(r => r.GetProperty("grade").ValueKind == JsonValueKind.Object && grades.Contains(r.GetProperty("grade").GetProperty("value").GetString())))
            .Select(f => f.GetProperty("title").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<List<string>> ResultTitles(IPage page)
    {
        await page.Locator(".search-summary").First.WaitForAsync();
        return [.. await page.Locator(".search-result-title a").AllInnerTextsAsync()];
    }

    [BrowserFact]
    public async Task Given_the_results_page_When_searching_grade_8_Then_exactly_the_families_with_a_grade_8_level_are_listed()
    {
        var page = await site.Browser.NewPageAsync();

        await page.GotoAsync(site.UrlOf("/job-families/search/?q=grade%208"));
        var titles = await ResultTitles(page);

        var expected = FamiliesWithGrade(GradeEight);
        Assert.Contains("Payroll", expected); // the sample's Manager, Payroll is a grade 8
        Assert.DoesNotContain("Content Marketing Manager", expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), titles.Order(StringComparer.Ordinal));
        Assert.Equal("grade 8", await page.InputValueAsync("#search-page-q"));
        var payroll = page.Locator(".search-result", new() { HasText = "Payroll" }).First;
        Assert.Contains("Manager, Payroll", await payroll.Locator(".search-result-roles").InnerTextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Given_a_phrase_from_a_responsibility_When_searched_Then_the_family_that_lists_it_comes_first_with_the_bullet_as_snippet()
    {
        var page = await site.Browser.NewPageAsync();

        await page.GotoAsync(site.UrlOf("/job-families/search/?q=" + Uri.EscapeDataString("bug bounty programme")));
        var titles = await ResultTitles(page);

        Assert.Equal("Security Engineer", titles.FirstOrDefault());
        Assert.Contains("bug bounty programme", await page.Locator(".search-result-snippet").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Given_an_inherited_responsibility_When_searched_Then_the_levels_that_inherit_it_are_found_too()
    {
        var page = await site.Browser.NewPageAsync();

        // Written once under the Support Engineer level; the Senior Support Engineer inherits it.
        await page.GotoAsync(site.UrlOf("/job-families/search/?q=" + Uri.EscapeDataString("weekend support rotation")));
        await ResultTitles(page);

        var roles = await page.Locator(".search-result", new() { HasText = "Support Engineer" }).First.Locator(".search-result-roles li").AllInnerTextsAsync();
        Assert.Contains(roles, r => r.StartsWith("Senior Support Engineer", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Given_the_header_search_box_When_using_the_keyboard_Then_arrows_move_through_suggestions_Escape_closes_and_Enter_opens_the_chosen_one()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(site.UrlOf("/job-families/"));
        var box = page.Locator("#site-search-q");
        var listbox = page.Locator("#site-search-q-listbox");

        await box.FocusAsync();
        await page.Keyboard.TypeAsync("payroll");
        // The suggestions are rendered 60 ms after the last keystroke; on a loaded machine a prefix's list can show
        // first and be rendered again (choice reset) after the arrow key. The list of the whole word ends with its own
        // "All results" option, and nothing renders after it.
        await listbox.Locator("[role=option]", new() { HasText = "All results for “payroll”" }).WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal("combobox", await box.GetAttributeAsync("role"));
        Assert.Equal("true", await box.GetAttributeAsync("aria-expanded"));
        Assert.Null(await box.GetAttributeAsync("aria-activedescendant"));

        await page.Keyboard.PressAsync("ArrowDown");
        var first = await box.GetAttributeAsync("aria-activedescendant");
        Assert.Equal("true", await page.Locator("#" + first).GetAttributeAsync("aria-selected"));
        Assert.Contains("Payroll", await page.Locator("#" + first).InnerTextAsync(), StringComparison.Ordinal);

        await page.Keyboard.PressAsync("ArrowDown");
        var second = await box.GetAttributeAsync("aria-activedescendant");
        Assert.NotEqual(first, second);
        Assert.Equal("false", await page.Locator("#" + first).GetAttributeAsync("aria-selected"));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal(first, await box.GetAttributeAsync("aria-activedescendant"));

        await page.Keyboard.PressAsync("Escape");
        Assert.False(await listbox.IsVisibleAsync());
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
        Assert.Equal("payroll", await box.InputValueAsync());

        await page.Keyboard.PressAsync("ArrowDown");
        await listbox.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.Keyboard.PressAsync("ArrowDown");
        await Task.WhenAll(page.WaitForURLAsync("**/job-families/finance/payroll/**"), page.Keyboard.PressAsync("Enter"));
        Assert.Contains("/job-families/finance/payroll/", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Given_the_header_search_box_When_pressing_Enter_without_choosing_Then_the_results_page_opens_for_the_query()
    {
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(site.UrlOf("/job-families/engineering/"));

        await page.Locator("#site-search-q").FocusAsync();
        await page.Keyboard.TypeAsync("grade 8");
        await Task.WhenAll(page.WaitForURLAsync("**/job-families/search/?q=grade+8"), page.Keyboard.PressAsync("Enter"));

        Assert.Contains("Payroll", await ResultTitles(page));
    }

    [BrowserFact]
    public async Task Given_JavaScript_is_off_When_the_results_page_opens_Then_it_says_search_needs_JavaScript_and_links_to_the_lists()
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });

        await page.GotoAsync(site.UrlOf("/job-families/search/?q=payroll"));

        var message = page.Locator(".search-noscript");
        Assert.True(await message.IsVisibleAsync());
        Assert.Contains("needs JavaScript", await message.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".search-result").CountAsync());
    }
}
