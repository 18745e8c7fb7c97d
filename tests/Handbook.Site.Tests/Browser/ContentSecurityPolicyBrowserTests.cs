namespace Handbook.Site.Tests.Browser;

using Handbook.Site.Security;
using Microsoft.Playwright;

/// <summary>
/// The published <c>_headers</c> policy does not break the site: Chromium opens the sample pages with the
/// Content-Security-Policy of <c>output/_headers</c> applied, as Netlify serves them (files from the output folder, no
/// preview script), and no load is blocked while Mermaid still draws its diagrams.
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private const string RecordViolations =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    [BrowserFact]
    public async Task Given_the_published_policy_When_Chromium_opens_a_page_with_a_Mermaid_diagram_Then_it_renders_and_nothing_is_blocked()
    {
        var page = await OpenAsync(PageContaining(PagesOf("mermaid.min.js")));

        await page.Locator("pre.mermaid svg").First.WaitForAsync();

        Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));
    }

    [BrowserFact]
    public async Task Given_the_published_policy_When_Chromium_opens_a_page_with_a_video_Then_the_embed_is_not_blocked()
    {
        var page = await OpenAsync(PageContaining(PagesOf("https://www.youtube.com/embed/")));

        await page.Locator("iframe").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));
    }

    [BrowserFact]
    public async Task Given_the_published_policy_When_a_page_runs_an_injected_inline_script_Then_it_is_blocked()
    {
        var page = await OpenAsync("/404.html");

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.body.append(s); }");

        Assert.Null(await page.EvaluateAsync<bool?>("window.__injected"));
        Assert.Contains(await page.EvaluateAsync<string[]>("window.__cspViolations"), v => v.StartsWith("script-src", StringComparison.Ordinal));
    }

    private IEnumerable<string> PagesOf(string marker) =>
        Directory.EnumerateFiles(site.OutputFolder, "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Where(f => File.ReadAllText(f).Contains(marker, StringComparison.Ordinal));

    private string PageContaining(IEnumerable<string> files)
    {
        var file = files.FirstOrDefault() ?? throw new InvalidOperationException("the sample site has no such page any more");
        return "/" + Path.GetRelativePath(site.OutputFolder, file).Replace('\\', '/');
    }

    /// <summary>Opens a page the way Netlify serves it: the file from the output folder plus the headers of <c>_headers</c>.</summary>
    private async Task<IPage> OpenAsync(string path)
    {
        var policy = File.ReadLines(Path.Combine(site.OutputFolder, SecurityHeaders.FileName))
            .Select(l => l.Trim())
            .Single(l => l.StartsWith("Content-Security-Policy:", StringComparison.Ordinal))["Content-Security-Policy:".Length..].Trim();
        var page = await site.Browser.NewPageAsync();
        await page.AddInitScriptAsync(RecordViolations);
        var origin = new Uri(site.UrlOf("/")).GetLeftPart(UriPartial.Authority);
        await page.RouteAsync("**/*", route => ServeAsync(route, origin, policy));
        await page.GotoAsync(site.UrlOf(path));
        return page;
    }

    /// <summary>
    /// Pages come from the output folder with the policy (a page's policy is the one of its HTML response); their
    /// assets pass through to the preview server, which serves the same files.
    /// </summary>
    private Task ServeAsync(IRoute route, string origin, string policy)
    {
        var url = new Uri(route.Request.Url);
        if (url.GetLeftPart(UriPartial.Authority) != origin)
        {
            return route.AbortAsync(); // no network in tests; the policy check happens before the request anyway
        }

        if (route.Request.ResourceType != "document")
        {
            return route.ContinueAsync();
        }

        var relative = Uri.UnescapeDataString(url.AbsolutePath).TrimStart('/');
        var file = Path.Combine(site.OutputFolder, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative);
        return route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            BodyBytes = File.ReadAllBytes(file),
            ContentType = "text/html; charset=utf-8",
            Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = policy, ["X-Content-Type-Options"] = "nosniff" },
        });
    }
}
