namespace Handbook.Site.Tests.Browser;

using Microsoft.Playwright;

/// <summary>One Playwright driver and one headless Chromium; pages are opened per test and closed with it.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    internal BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        Playwright = playwright;
        Browser = browser;
    }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    /// <summary>A fresh page in its own context (no shared cookies or cache between tests).</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
    }
}
