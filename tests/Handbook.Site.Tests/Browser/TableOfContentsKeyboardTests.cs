namespace Handbook.Site.Tests.Browser;

using Microsoft.Playwright;

/// <summary>The family page's table of contents by keyboard, with and without JavaScript, and its current-section mark.</summary>
public sealed class TableOfContentsKeyboardTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private const string FamilyPath = "/job-families/sales/account-executive/";
    private const string Target = "enterprise-account-executive";

    private async Task<IPage> OpenAsync(bool javaScript)
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            JavaScriptEnabled = javaScript,
        });
        await page.GotoAsync(site.UrlOf(FamilyPath));
        return page;
    }

    // Presses Tab until the TOC link to the target has focus (as a keyboard user would), at most 60 times.
    private static async Task TabToTocLinkAsync(IPage page)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.closest('nav.toc') ? document.activeElement.getAttribute('href') : null");
            if (focused == "#" + Target)
            {
                return;
            }
        }

        Assert.Fail("the TOC link #" + Target + " was not reached with Tab");
    }

    [BrowserFact]
    public async Task Given_a_family_page_When_a_keyboard_user_tabs_to_a_toc_link_and_presses_Enter_Then_focus_and_view_move_to_that_section()
    {
        var page = await OpenAsync(javaScript: true);

        await TabToTocLinkAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"() => document.activeElement && document.activeElement.id === '{Target}'");

        Assert.Equal("#" + Target, await page.EvaluateAsync<string>("() => location.hash"));
        var top = await page.EvaluateAsync<double>($"() => document.getElementById('{Target}').getBoundingClientRect().top");
        Assert.InRange(top, 0, 200);

        // The next Tab continues inside the section, not back in the TOC.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>(
            $"() => !document.activeElement.closest('nav.toc') && (document.getElementById('{Target}').compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Given_JavaScript_is_off_When_a_toc_link_is_followed_by_keyboard_Then_the_page_scrolls_there_and_Tab_continues_from_the_section()
    {
        var page = await OpenAsync(javaScript: false);

        await TabToTocLinkAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => location.hash.length > 1");

        var top = await page.EvaluateAsync<double>($"() => document.getElementById('{Target}').getBoundingClientRect().top");
        Assert.InRange(top, 0, 200);
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>(
            $"() => (document.getElementById('{Target}').compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Given_a_wide_window_When_the_reader_scrolls_to_a_level_Then_the_toc_stays_in_view_and_marks_that_level_as_current()
    {
        var page = await OpenAsync(javaScript: true);

        await page.EvaluateAsync($"() => document.getElementById('{Target}').scrollIntoView()");

        await page.WaitForFunctionAsync($"() => document.querySelector('nav.toc a[aria-current=location]')?.getAttribute('href') === '#{Target}'");
        Assert.Equal(1, await page.Locator("nav.toc a[aria-current]").CountAsync());
        Assert.Equal("sticky", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('nav.toc')).position"));
        var tocTop = await page.EvaluateAsync<double>("() => document.querySelector('nav.toc').getBoundingClientRect().top");
        Assert.InRange(tocTop, 0, 100);
        await page.Context.CloseAsync();
    }
}
