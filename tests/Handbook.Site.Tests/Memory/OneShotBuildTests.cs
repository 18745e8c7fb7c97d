namespace Handbook.Site.Tests.Memory;

using Handbook.Site.Building;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// A one-shot build (<c>build</c>, <c>check</c>) releases what no later stage reads (Markdown trees, body HTML); the
/// preview's build keeps every stage's output instead. Both must write the same site, byte for byte.
/// </summary>
public class OneShotBuildTests
{
    [Theory]
    [InlineData("input")]
    [InlineData("tests/Handbook.Site.Tests/Fixtures/small-site")]
    public async Task Given_an_input_When_built_one_shot_and_with_a_kept_record_Then_the_same_files_are_written(string input)
    {
        using var folder = new TempFolder();
        await AssertOneShotWritesWhatAKeptRecordWritesAsync(Path.Combine(SharedCorpus.RepositoryRoot, input), folder);
    }

    [CorpusFact]
    public async Task Given_the_real_pages_When_built_one_shot_and_with_a_kept_record_Then_the_same_files_are_written()
    {
        // Real pages have what the sample may not: department and folder index pages with bodies, every layout.
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);
        await AssertOneShotWritesWhatAKeptRecordWritesAsync(folder["input"], folder);
    }

    private static async Task AssertOneShotWritesWhatAKeptRecordWritesAsync(string inputFolder, TempFolder folder)
    {
        // When built one-shot (releasing page texts, trees and body HTML, each body rendered by the theme into its page;
        // each stage over the whole set: FamilyBatchesBuildTests compares the batches with it)...
        var oneShot = await SiteBuild.RunAsync(new BuildRequest { InputFolder = inputFolder, OutputFolder = folder["one-shot"], ThemeFolder = TestTheme.Folder, History = false, KeepGoing = true, FamiliesPerBatch = 0 });

        // ...and as the preview composes it (keeping every stage's output)
        var keptRequest = new BuildRequest { InputFolder = inputFolder, OutputFolder = folder["kept"], ThemeFolder = TestTheme.Folder, History = false, KeepGoing = true };
        var keptSite = SiteBuild.Compose(keptRequest, TestTheme.Instance, new SiteSettings());
        var kept = await keptSite.RunAsync([]);

        // Then the one-shot build took the releasing path and wrote the same files with the same diagnostics
        Assert.Contains("ReleaseBodyHtml", oneShot.Timings, StringComparison.Ordinal);
        Assert.Contains("ReturnFreedMemory(ExpandExtendsStatements)", oneShot.Timings, StringComparison.Ordinal);
        // (bodies left to the theme; the models that held their trees are collected after RenderBodyHtml, DeferredBodyTests)
        Assert.Contains("ReturnFreedMemory(RenderBodyHtml)", oneShot.Timings, StringComparison.Ordinal);
        // (the link check and the writing run on the families without their bullets)
        Assert.Contains("ReleaseFamilyBullets", oneShot.Timings, StringComparison.Ordinal);
        Assert.DoesNotContain(keptSite.Stages, s => s.Name.StartsWith("Release", StringComparison.Ordinal) || s.Name.StartsWith("ReturnFreedMemory", StringComparison.Ordinal));
        Assert.Equal(kept.Diagnostics.Select(d => d.ToString()), oneShot.Diagnostics.Select(d => d.ToString()));
        OutputFolders.AssertSameFiles(folder["kept"], folder["one-shot"]);
    }
}
