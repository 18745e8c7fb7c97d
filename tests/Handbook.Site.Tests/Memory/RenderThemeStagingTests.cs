namespace Handbook.Site.Tests.Memory;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// One-shot builds hand each family page to the staging as the theme renders it (<see cref="StageFinishedPages.Finish"/>),
/// so the pages are never all held at once. The oracle: the same stage without the hook.
/// </summary>
public class RenderThemeStagingTests
{
    [Fact]
    public async Task Given_family_pages_When_the_theme_renders_them_with_a_staging_Then_each_page_is_staged_with_the_bytes_it_renders_without()
    {
        // Given a department index page and two family pages
        using var folder = new TempFolder();
        var settings = new SiteSettings { BaseUrl = "https://handbook.example.com" };
        Document[] pages =
        [
            Page(Family("sales/solutions-architect", "Solutions Architect", "Helps customers succeed.")),
            Page(Family("sales/account-executive", "Account Executive", "Sells.")),
            Page(Family("sales", "Sales", "The sales department.", isIndex: true)),
        ];

        // When rendered without a staging (the oracle) and with one
        var plain = Stages.Run(new RenderTheme(TestTheme.Instance, settings), pages);
        var writer = new OutputWriter(folder["out"]);
        using var staging = writer.BeginStaging();
        var finished = new StageFinishedPages(staging, settings, nameof(RenderTheme));
        var staged = Stages.Run(new RenderTheme(TestTheme.Instance, settings, finishedPages: finished), pages);

        // Then the rendered pages were staged as they were made, with their CSP facts, holding the oracle's bytes;
        // the generated pages (the folder index, 404) are left for the stage after the theme
        Assert.Equal(plain.Select(d => (d.SourcePath, d.Destination)), staged.Select(d => (d.SourcePath, d.Destination)));
        foreach (var (expected, actual) in plain.Zip(staged))
        {
            var rendered = pages.Any(p => p.SourcePath == expected.SourcePath);
            Assert.Equal(rendered, actual.Staged is not null);
            Assert.Equal(rendered, actual.Metadata.Contains(WriteNetlifyHeaders.RecordedResources));
            Assert.Equal(expected.ToOutputBytes(), actual.ToOutputBytes());
        }

        Assert.Equal(pages.Length, staging.Count);
        var rest = await finished.ExecuteAsync(staged, new StageContext(new DiagnosticBag(), new ServiceRegistry(), CancellationToken.None));
        Assert.All(rest.Where(d => d.Destination is not null && !d.IsBinary), d => Assert.NotNull(d.Staged));
    }
}
