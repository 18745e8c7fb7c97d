namespace Handbook.Site.Tests.Browser;

using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

/// <summary>
/// axe-core on the sample site's pages in Chromium: WCAG 2.0/2.1 A and AA rules plus axe's best practices
/// (landmarks, heading order, skip link), with no serious or critical violation. Every violation, of any impact, is
/// printed to the test output so moderate ones are visible too.
/// </summary>
public sealed class AccessibilityTests(SampleSiteFixture site, ITestOutputHelper output) : IClassFixture<SampleSiteFixture>
{
    /// <summary>
    /// The pages audited. To audit a new kind of page, add its path here: section index, a department page, a family
    /// with "extends" alternatives (audited again with every alternative opened), the grade table and the reverse
    /// grade index, the 404 page and the search results. History pages need a git history and are audited by
    /// <see cref="HistoryPagesAccessibilityTests"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> AuditedPages =
    [
        "/job-families/",
        "/job-families/sales/",
        "/job-families/sales/account-executive/",
        "/job-families/engineering/development/backend/",
        "/handbook/total-rewards/compensation/compensation-calculator/",
        "/job-families/grades/",
        "/404.html",
        "/job-families/search/?q=grade+8",
    ];


    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    };

    [BrowserFact]
    public async Task Given_the_sample_site_When_axe_audits_each_page_Then_there_is_no_serious_or_critical_violation()
    {
        var blocking = new List<string>();
        foreach (var path in AuditedPages)
        {
            blocking.AddRange(await AuditAsync(path, openAlternatives: false));
        }

        Assert.True(blocking.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", blocking));
    }

    [BrowserFact]
    public async Task Given_a_family_with_extends_alternatives_When_every_alternative_is_opened_Then_axe_still_finds_nothing_serious()
    {
        var blocking = await AuditAsync("/job-families/sales/account-executive/", openAlternatives: true);

        Assert.True(blocking.Count == 0, "serious or critical axe violations:\n" + string.Join("\n", blocking));
    }

    private async Task<List<string>> AuditAsync(string path, bool openAlternatives)
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        try
        {
            var response = await page.GotoAsync(site.UrlOf(path));
            Assert.True(response?.Status == 200, $"{path} answered {response?.Status}");

            if (openAlternatives)
            {
                var opened = await page.EvaluateAsync<int>("() => { const d = [...document.querySelectorAll('details')]; d.forEach(x => x.open = true); return d.length; }");
                Assert.True(opened > 0, $"{path} has no <details> to open");
            }

            var result = await page.RunAxe(WcagAa);
            output.WriteLine($"{path}: {result.Violations.Length} violation(s), {result.Passes.Length} rule(s) passed");
            var blocking = new List<string>();
            foreach (var violation in result.Violations)
            {
                var line = $"{path}: {violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} node(s): {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))})";
                output.WriteLine("  " + line);
                if (violation.Impact is "serious" or "critical")
                {
                    blocking.Add(line);
                }
            }

            return blocking;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
