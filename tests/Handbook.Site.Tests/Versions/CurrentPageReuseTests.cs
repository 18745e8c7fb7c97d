namespace Handbook.Site.Tests.Versions;

using CsCheck;
using Handbook.Site.Building;
using Handbook.Site.Stages;
using Handbook.Site.Tests.History;
using Handbook.Site.Tests.Support;
using Handbook.Site.Versions;
using Handbook.Testing;

/// <summary>
/// A one-shot versioned build lets each page's text go once parsed and keeps bodies as UTF-8 (issue 9); the versions
/// that equal the current page are found through the texts' fingerprints recorded before parsing
/// (<see cref="RecordSourceTexts"/>). The oracle is the build that keeps every stage's output (the texts as read, the
/// bodies as strings): both must reuse the same versions and write the same bytes.
/// </summary>
public sealed class CurrentPageReuseTests
{
    private const string Keeper = "job-families/garden/plant-keeper.md";
    private const string Lead = "job-families/garden/lead-plant-keeper.md";
    private static readonly string[] Tails = [string.Empty, "\r\n", "é", "🚀"];

    [Fact]
    public async Task Given_a_page_extending_another_When_built_one_shot_Then_it_reuses_exactly_the_versions_the_kept_texts_reuse()
    {
        // Given a lead page that extends the keeper page; the keeper is edited after the lead's first version (so that
        // version expands differently and must be rendered), then the lead is edited (its new version is current)
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7", "8"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants"));
        repo.Write(Lead, LeadPage("Plan the beds")).Commit("Add the garden");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the plants", "Prune")).Commit("Keepers prune");
        repo.Write(Lead, LeadPage("Plan the beds", "Order seeds")).Commit("Leads order seeds");
        using var folder = new TempFolder();

        // When built one-shot and with every stage's output kept
        var (oneShot, kept) = await BuildBothWaysAsync(repo.InputFolder, folder);

        // Then the two newest versions are the current pages (no second render) and the two older ones are rendered,
        // the same on both paths, with the same bytes
        Assert.Equal((2, 0, 2), oneShot);
        Assert.Equal(oneShot, kept);
    }

    [Fact]
    public async Task Given_the_sample_input_and_its_history_When_built_one_shot_Then_it_reuses_the_same_versions_and_writes_the_same_bytes()
    {
        using var folder = new TempFolder();
        var (oneShot, kept) = await BuildBothWaysAsync(Path.Combine(SharedCorpus.RepositoryRoot, "input"), folder);

        Assert.Equal(kept, oneShot);
    }

    [Fact]
    public void Given_any_two_texts_When_fingerprinted_Then_the_fingerprints_are_equal_exactly_when_the_texts_are()
    {
        // Texts from a small alphabet (so equal and nearly equal pairs are common), with non-ASCII and surrogates
        var text = Gen.Char['a', 'c'].Array[0, 6].Select(c => new string(c))
            .SelectMany(s => Gen.Int[0, Tails.Length - 1].Select(t => s + Tails[t]));
        Gen.Select(text, text).Sample((a, b) =>
            Assert.Equal(string.Equals(a, b, StringComparison.Ordinal), TextFingerprint.Of(a).Equals(TextFingerprint.Of(b))));
    }

    private static string LeadPage(params string[] responsibilities) =>
        "---\ntitle: \"Lead Plant Keeper\"\ndescription: \"People who lead the plant keepers.\"\n---\n\n"
        + "## Levels\n\n### Lead Plant Keeper\n\nThe Lead Plant Keeper is a [grade 8](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n"
        + "#### Responsibilities\n\n* Extends the [Senior Plant Keeper](/job-families/garden/plant-keeper/#senior-plant-keeper) responsibilities\n"
        + string.Concat(responsibilities.Select(r => $"* {r}\n"));

    // Builds the input one-shot (SiteBuild.RunAsync: page texts released, UTF-8 bodies, fingerprints recorded) and as
    // a composed site that keeps every stage's output (texts and string bodies: CurrentPages compares the texts);
    // asserts the same files and diagnostics and returns each path's (rendered, from the cache, same as current).
    private static async Task<((int, int, int) OneShot, (int, int, int) Kept)> BuildBothWaysAsync(string input, TempFolder folder)
    {
        var request = new BuildRequest { InputFolder = input, OutputFolder = folder["one-shot"], ThemeFolder = TestTheme.Folder, KeepGoing = true };
        var oneShot = await SiteBuild.RunAsync(request);

        var keptRequest = request with { OutputFolder = folder["kept"] };
        using var history = HistoryStatus.Read(keptRequest);
        var settings = new SiteSettings { ChangesFeedUrl = history.Session.IsEnabled ? VersionUrls.ChangesFeed : null };
        var keptSite = SiteBuild.Compose(keptRequest, TestTheme.Instance, settings, history);
        var kept = await keptSite.RunAsync([]);

        Assert.Contains(nameof(RecordSourceTexts), oneShot.Timings, StringComparison.Ordinal);
        Assert.DoesNotContain(keptSite.Stages, s => s.Name == nameof(RecordSourceTexts));
        Assert.Equal(kept.Diagnostics.Select(d => d.ToString()), oneShot.Diagnostics.Select(d => d.ToString()));
        var keptFiles = OutputFolders.AssertSameFiles(folder["kept"], folder["one-shot"]);
        Assert.Contains(keptFiles.Keys, f => f.Contains("/versions/", StringComparison.Ordinal));

        var renderer = keptSite.Stages.OfType<RenderVersionPages>().Single().LastRenderer!;
        return (oneShot.Versions, (renderer.Rendered, renderer.FromCache, renderer.Reused));
    }
}
