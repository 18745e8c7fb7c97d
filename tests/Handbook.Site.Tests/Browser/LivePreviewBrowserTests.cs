namespace Handbook.Site.Tests.Browser;

using System.Text.Json;
using System.Text.RegularExpressions;
using Handbook.Site.Tests.Preview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>
/// Live reload in a real browser: the real preview (<see cref="LivePreview"/>) over a copy of the sample site, a family
/// page open in headless Chromium, and edits made on disk. The test never reloads the page itself; Playwright's
/// auto-waiting expectations wait (bounded) for what the page's live-reload script does.
/// </summary>
public sealed partial class LivePreviewBrowserTests
{
    private const string PagePath = "job-families/security/security-analyst.md";
    private const string PageUrl = "/job-families/security/security-analyst/";
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60_000 };

    [BrowserFact]
    public async Task Given_a_family_page_open_in_the_browser_When_its_file_is_edited_broken_and_fixed_Then_the_page_follows_without_a_manual_reload()
    {
        await using var preview = await LivePreview.StartAsync();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(preview.Session.Server.Url, PageUrl).ToString());
        // (level headings carry their grade badge, so they are found by their id, which the heading text gives)
        await Expect(page.Locator("h3#senior-security-analyst")).ToContainTextAsync("Senior Security Analyst");
        await WaitForLiveReloadClientAsync(preview);

        // When the level is renamed on disk (its heading and the sentences naming it), the page shows the new heading by itself
        await preview.EditAsync(PagePath, text => text.Replace("Senior Security Analyst", "Lead Security Analyst", StringComparison.Ordinal));
        await Expect(page.Locator("h3#lead-security-analyst")).ToBeVisibleAsync(Visible);
        await Expect(page.Locator("h3#lead-security-analyst")).ToContainTextAsync("Lead Security Analyst");
        await Expect(page.Locator("h3#senior-security-analyst")).ToHaveCountAsync(0);

        // When the front matter breaks, the overlay lists the error as file:line:col, over the last good page
        await preview.EditAsync(PagePath, text => text.Replace("title: Security Analyst\n", "title: \"Security Analyst\n", StringComparison.Ordinal));
        var overlay = page.Locator("#handbook-preview-overlay");
        await Expect(overlay).ToBeVisibleAsync(Visible);
        await Expect(overlay).ToContainTextAsync(OverlayRow(), new() { Timeout = 10_000 });
        await Expect(page.Locator("h3#lead-security-analyst")).ToBeAttachedAsync();

        // When it is fixed, the overlay goes and the page shows the fixed content
        await preview.EditAsync(PagePath, text => text.Replace("title: \"Security Analyst\n", "title: Security Analyst, Operations\n", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Security Analyst, Operations", Level = 1 })).ToBeVisibleAsync(Visible);
        await Expect(overlay).ToHaveCountAsync(0);
        Assert.Empty(preview.Errors);
    }

    // The page's script connects after load; edits before that would be missed by this page (not by the server).
    private static async Task WaitForLiveReloadClientAsync(LivePreview preview)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var status = JsonDocument.Parse(await preview.Client.GetStringAsync(new Uri("/__preview/status", UriKind.Relative)));
            if (status.RootElement.GetProperty("clients").GetInt32() > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the page's live-reload script did not connect");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"job-families/security/security-analyst\.md:\d+:\d+: error FM\d+")]
    private static partial Regex OverlayRow();
}
