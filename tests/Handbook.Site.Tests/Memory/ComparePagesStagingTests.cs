namespace Handbook.Site.Tests.Memory;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Site.Building;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// One-shot builds hand each compare page to the staging as it is rendered (<see cref="StageFinishedPages.Finish"/>),
/// so the compare pages (one per family) are never all held at once. The oracle: the same stage without the hook.
/// </summary>
public class ComparePagesStagingTests
{
    [Fact]
    public void Given_families_with_levels_When_compare_pages_are_rendered_with_a_staging_Then_each_is_staged_with_the_bytes_it_renders_without()
    {
        // Given two families with several levels (each gets a compare page) and one with a single level (none)
        using var folder = new TempFolder();
        var settings = new SiteSettings { BaseUrl = "https://handbook.example.com" };
        Document[] pages =
        [
            Page(FamilyWithLevels("sales/solutions-architect", "Solutions Architect", "Junior", "Intermediate", "Senior")),
            Page(FamilyWithLevels("engineering/backend", "Backend Engineer", "Intermediate", "Senior")),
            Page(FamilyWithLevels("engineering/designer", "Designer", "Senior")),
        ];

        // When rendered without a staging (the oracle) and with one
        var plain = Stages.Run(new RenderComparePages(TestTheme.Instance, settings), pages);
        var writer = new OutputWriter(folder["out"]);
        using var staging = writer.BeginStaging();
        var finished = new StageFinishedPages(staging, settings, nameof(RenderComparePages));
        var staged = Stages.Run(new RenderComparePages(TestTheme.Instance, settings, finished), pages);

        // Then the two compare pages were staged as they were made, with their CSP facts, holding the oracle's
        // bytes; the input documents pass through untouched
        Assert.Equal(pages.Length + 2, plain.Count);
        StagedPagesAssert.SameAsUnstaged(plain, staged, d => d.SourcePath.EndsWith("/compare", StringComparison.Ordinal));

        Assert.Equal(2, staging.Count);
        Assert.Same(pages[0], staged[0]);
    }
}
