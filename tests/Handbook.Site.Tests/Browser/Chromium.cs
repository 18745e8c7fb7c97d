namespace Handbook.Site.Tests.Browser;

using Microsoft.Playwright;

/// <summary>
/// Launches Debian's Chromium headless through Playwright (.NET). Playwright's own browser download is never used:
/// the machines reach no CDN, and the system package is what CI installs.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    // Flags the issue asks for: no sandbox (containers run as root), no GPU, and nothing that phones home.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-dev-shm-usage",
    ];

    public static async Task<BrowserSession> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Timeout = 60_000,
            });
            return new BrowserSession(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
