namespace Handbook.Site.Tests.Reliability;

using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// Each mistake of <see cref="ContributorMistakes"/> is made on every real page where it fits (one build per mistake,
/// all those pages edited at once; pages are built independently, so the edits do not meet). Compared with the
/// unedited build, every edited page must get a new diagnostic with one of the expected codes on the edited line,
/// its column inside that line and a hint, and no INTERNAL diagnostic: never a crash, never a silently wrong page
/// (<see cref="MistakeCatalogueRun"/>).
/// </summary>
public sealed class ContributorMistakeCatalogueTests(ITestOutputHelper output)
{
    [CorpusFact]
    public async Task Every_catalogued_mistake_on_every_real_page_is_reported_at_its_line_with_its_code_and_a_hint()
    {
        using var folder = new TempFolder();
        var pages = CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);

        var failures = await MistakeCatalogueRun.RunAsync(folder, pages, ContributorMistakes.All.Select(MistakeCatalogueRun.Mistake.Of).ToList(), output);

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)) + (failures.Count > 40 ? $"\n… and {failures.Count - 40} more" : string.Empty));
    }
}
