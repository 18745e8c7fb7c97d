namespace Handbook.Site.Tests.Memory;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Site.Building;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// One-shot builds hand each ladder page to the staging as it is rendered (<see cref="StageFinishedPages.Finish"/>)
/// instead of holding it to the end of the build. The oracle: the same stage without the hook.
/// </summary>
public class LadderPagesStagingTests
{
    [Fact]
    public void Given_two_departments_When_ladder_pages_are_rendered_with_a_staging_Then_each_is_staged_with_the_bytes_it_renders_without()
    {
        // Given families in two departments, with grades
        using var folder = new TempFolder();
        var settings = new SiteSettings { BaseUrl = "https://handbook.example.com" };
        var architect = Family("sales/solutions-architect", "Solutions Architect");
        architect.Levels.Add(Level("Senior Solutions Architect", "senior", "7"));
        var backend = Family("engineering/backend", "Backend Engineer");
        backend.Levels.Add(Level("Intermediate Backend Engineer", "intermediate", "6"));
        backend.Levels.Add(Level("Senior Backend Engineer", "senior", "7"));
        Document[] pages = [Page(architect), Page(backend)];

        // When rendered without a staging (the oracle) and with one
        var plain = Stages.Run(new RenderLadderPages(TestTheme.Instance, settings), pages);
        var writer = new OutputWriter(folder["out"]);
        using var staging = writer.BeginStaging();
        var finished = new StageFinishedPages(staging, settings, nameof(RenderLadderPages));
        var staged = Stages.Run(new RenderLadderPages(TestTheme.Instance, settings, finished), pages);

        // Then both ladder pages were staged as they were made, with their CSP facts, holding the oracle's bytes;
        // the family documents pass through untouched
        Assert.Equal(pages.Length + 2, plain.Count);
        StagedPagesAssert.SameAsUnstaged(plain, staged, d => d.SourcePath.EndsWith("/ladder", StringComparison.Ordinal));

        Assert.Equal(2, staging.Count);
        Assert.Same(pages[1], staged[1]);
    }
}
