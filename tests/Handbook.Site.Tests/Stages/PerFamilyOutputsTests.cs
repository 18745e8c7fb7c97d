namespace Handbook.Site.Tests.Stages;

using System.Buffers;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Export;
using Handbook.Site.Search;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// A one-shot build that stages its output makes each family's compare page, export part and search record as the
/// theme renders the family (<see cref="PerFamilyOutputs"/>), and lets the family's bullets go right after the theme
/// (issue 9). What the late stages then write must be what they wrote from the families themselves.
/// </summary>
public class PerFamilyOutputsTests
{
    [Fact]
    public void Given_families_recorded_as_the_theme_renders_them_When_their_outputs_are_taken_Then_each_is_what_the_family_itself_gives()
    {
        // Given a family with levels (a compare page), one with a single level (none), an index page (no outputs), and
        // a family the theme did not record
        using var folder = new TempFolder();
        var settings = new SiteSettings { BaseUrl = "https://handbook.example.com" };
        var compared = FamilyWithLevels("sales/solutions-architect", "Solutions Architect", "Junior", "Senior");
        var single = FamilyWithLevels("engineering/designer", "Designer", "Senior");
        var index = Family("sales", "Sales", isIndex: true);
        var unrecorded = FamilyWithLevels("engineering/backend", "Backend Engineer", "Intermediate", "Senior");
        Document[] pages = [Page(compared), Page(single), Page(index), Page(unrecorded)];
        var catalog = FamilyCatalog.From(pages);
        var writer = new OutputWriter(folder["out"]);
        using var staging = writer.BeginStaging();
        using var outputs = new PerFamilyOutputs(TestTheme.Instance, settings, new StageFinishedPages(staging, settings, nameof(RenderTheme)));

        // When the first three are recorded
        outputs.Begin(catalog);
        foreach (var page in pages.Take(3))
        {
            outputs.Record(page, page.Get(JobFamilyKeys.Family), CancellationToken.None);
        }

        // Then the compare page is staged with the bytes the compare stage renders on its own
        var plain = Support.Stages.Run(new RenderComparePages(TestTheme.Instance, settings), pages);
        Assert.True(outputs.TryGetComparePage(compared, out var comparePage));
        Assert.NotNull(comparePage.Staged);
        Assert.Equal(plain.Output("job-families/sales/solutions-architect/compare/index.html").ToOutputBytes(), comparePage.ToOutputBytes());

        // ...the export parts read back as the families' own parts
        var slot = new ArrayBufferWriter<byte>();
        foreach (var family in new[] { compared, single })
        {
            Assert.True(outputs.TryCopyExportFragment(family, slot));
            Assert.Equal(JobFamiliesExport.FragmentOf(family), slot.WrittenSpan.ToArray());
        }

        // ...the search records (texts read back from the spool) are the families' records
        var pool = new TextPool();
        Assert.True(outputs.TryGetSearchRecord(compared, pool, out var record));
        var own = SearchFamilyRecord.Of(compared);
        Assert.Equal(own.Texts, record.Texts);
        Assert.Equal(own.Roles.Select(r => (r.Name, string.Join(",", r.Texts))), record.Roles.Select(r => (r.Name, string.Join(",", r.Texts))));

        // ...the unrecorded family is left to the stages (and keeps its bullets); the index page has no outputs but
        // no later stage reads its bullets either
        Assert.True(outputs.Holds(compared));
        Assert.False(outputs.Holds(unrecorded));
        Assert.False(outputs.TryGetComparePage(unrecorded, out _));
        Assert.False(outputs.TryCopyExportFragment(unrecorded, slot));
        Assert.False(outputs.TryGetSearchRecord(unrecorded, pool, out _));
        Assert.False(outputs.MayReleaseBullets(pages[3], unrecorded));
        Assert.True(outputs.MayReleaseBullets(pages[2], index));
        Assert.True(outputs.MayReleaseBullets(pages[1], single));
    }

    [Fact]
    public void Given_outputs_already_taken_When_asked_again_Then_it_is_refused_rather_than_made_from_bullets_that_are_gone()
    {
        // Given a recorded family whose search records were taken (the search index is written)
        using var folder = new TempFolder();
        var settings = new SiteSettings();
        var family = FamilyWithLevels("sales/analyst", "Analyst", "Junior", "Senior");
        var page = Page(family);
        using var staging = new OutputWriter(folder["out"]).BeginStaging();
        using var outputs = new PerFamilyOutputs(TestTheme.Instance, settings, new StageFinishedPages(staging, settings, nameof(RenderTheme)));
        outputs.Begin(FamilyCatalog.From([page]));
        outputs.Record(page, family, CancellationToken.None);
        outputs.SearchRecordsTaken();

        // When / Then
        Assert.Throws<InvalidOperationException>(() => outputs.TryGetSearchRecord(family, new TextPool(), out _));
    }

    [Fact]
    public async Task Given_the_sample_input_When_built_one_shot_and_with_a_kept_record_Then_the_search_index_export_and_compare_pages_are_the_same_and_the_bullets_went_after_the_theme()
    {
        // Given the sample input
        using var folder = new TempFolder();
        var input = Path.Combine(SharedCorpus.RepositoryRoot, "input");

        // When built one-shot (outputs made per family in the theme) and as the preview composes it (made by the late stages)
        var oneShot = await SiteBuild.RunAsync(new BuildRequest { InputFolder = input, OutputFolder = folder["one-shot"], ThemeFolder = TestTheme.Folder, History = false, KeepGoing = true });
        var keptRequest = new BuildRequest { InputFolder = input, OutputFolder = folder["kept"], ThemeFolder = TestTheme.Folder, History = false, KeepGoing = true };
        await SiteBuild.Compose(keptRequest, TestTheme.Instance, new SiteSettings()).RunAsync([]);

        // Then the bullets were let go right after the theme, before the stages that wrote from them
        var stages = oneShot.Timings.Split('\n').Select(l => l.Split(' ')[0]).ToList();
        Assert.InRange(stages.IndexOf("ReleaseFamilyBullets"), stages.IndexOf("RenderTheme") + 1, stages.IndexOf("RenderComparePages") - 1);

        // ...and the three outputs made from the theme's records are byte for byte the late stages' own
        var compared = Directory.EnumerateFiles(folder["kept"], "index.html", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "compare")
            .Select(f => Path.GetRelativePath(folder["kept"], f))
            .ToList();
        Assert.NotEmpty(compared);
        foreach (var file in compared.Append(SearchIndex.OutputPath).Append(JobFamiliesExport.OutputPath))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(folder["kept"], file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder["one-shot"], file))), file + " differs");
        }
    }
}
