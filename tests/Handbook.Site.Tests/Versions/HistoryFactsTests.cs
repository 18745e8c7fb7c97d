namespace Handbook.Site.Tests.Versions;

using Handbook.Site.Tests.History;
using Handbook.Site.Versions;
using static Handbook.Site.Tests.Versions.GardenHistory;

/// <summary>
/// Facts about versions kept under <c>--cache</c> (<see cref="HistoryFacts"/>, issue 9): a build that takes each
/// version's inputs and each compared blob's fingerprint from the cache gives what working them out from git gives, and
/// a build after one new commit reads from git only what that commit made new.
/// </summary>
public sealed class HistoryFactsTests : IDisposable
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private const string PageBlob = "1111111111111111111111111111111111111111";
    private const string GradeBlob = "2222222222222222222222222222222222222222";
    private const string LinkedBlob = "3333333333333333333333333333333333333333";
    private const string PartialBlob = "4444444444444444444444444444444444444444";

    private static readonly VersionInputs Inputs = new(
        "job-families/garden/plant keeper.html.md.erb",
        PageBlob,
        GradeBlob,
        [("job-families/garden/digger.md", LinkedBlob)],
        [("includes/job-families/the perks.md", PartialBlob)],
        "theme-of-that-build");

    private static readonly TextFingerprint Fingerprint = TextFingerprint.Of("A page's text");

    private readonly string _cache = Path.Combine(Path.GetTempPath(), "hb-history-facts-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => TestRepository.DeleteFolder(_cache);

    [Fact]
    public void Given_facts_worked_out_and_saved_When_a_later_build_asks_Then_they_come_from_the_cache_with_its_theme()
    {
        // Given a build that worked out a version's inputs and a blob's fingerprint, then saved them
        var first = HistoryFacts.Open(_cache);
        Assert.Equal(Inputs, first.InputsOf(Commit, Inputs.PagePath, PageBlob, GradeBlob, Inputs.ThemeHash, () => Inputs));
        Assert.Equal(Fingerprint, first.FingerprintOf(PageBlob, _ => Fingerprint));
        first.Save();

        // When a later build asks for both (with a theme of its own)
        var later = HistoryFacts.Open(_cache);
        var inputs = later.InputsOf(Commit, Inputs.PagePath, PageBlob, GradeBlob, "theme-now", () => throw new InvalidOperationException("read from git"));
        var fingerprint = later.FingerprintOf(PageBlob, _ => throw new InvalidOperationException("read from git"));

        // Then both are the stored ones, paths with spaces and the order of the lists kept, the theme the build's own
        Assert.Equal(Inputs.Parts().Skip(4), inputs.Parts().Skip(4));
        Assert.Equal((Inputs.PagePath, PageBlob, GradeBlob, "theme-now"), (inputs.PagePath, inputs.PageBlob, inputs.GradeDataBlob, inputs.ThemeHash));
        Assert.Equal(Fingerprint, fingerprint);
        Assert.Equal((2, 0), (later.Reused, later.Learned));
        Assert.Equal((0, 2), (first.Reused, first.Learned));
    }

    [Fact]
    public void Given_stored_inputs_of_another_page_blob_When_asked_Then_they_are_worked_out_again()
    {
        // Given inputs stored for the commit and path
        var first = HistoryFacts.Open(_cache);
        first.InputsOf(Commit, Inputs.PagePath, PageBlob, GradeBlob, "t", () => Inputs);
        first.Save();

        // When the walk says the version's page or grade data is another blob (not what was stored)
        var later = HistoryFacts.Open(_cache);
        var other = Inputs with { PageBlob = LinkedBlob };
        var inputs = later.InputsOf(Commit, Inputs.PagePath, LinkedBlob, GradeBlob, "t", () => other);
        var noGrades = later.InputsOf(Commit, Inputs.PagePath, PageBlob, null, "t", () => Inputs with { GradeDataBlob = null });

        // Then neither is taken from the cache
        Assert.Equal(LinkedBlob, inputs.PageBlob);
        Assert.Null(noGrades.GradeDataBlob);
        Assert.Equal((0, 2), (later.Reused, later.Learned));
    }

    [Fact]
    public void Given_a_damaged_entry_When_opened_Then_nothing_is_taken_from_it()
    {
        // Given saved facts, then one byte of the entry changed (the checksum no longer matches)
        var first = HistoryFacts.Open(_cache);
        first.FingerprintOf(PageBlob, _ => Fingerprint);
        first.Save();
        var file = Assert.Single(Directory.GetFiles(HistoryFacts.EntryFolder(_cache), "*", SearchOption.AllDirectories));
        var bytes = File.ReadAllBytes(file);
        bytes[^2] ^= 1;
        File.WriteAllBytes(file, bytes);

        // When a later build asks
        var later = HistoryFacts.Open(_cache);
        var fingerprint = later.FingerprintOf(PageBlob, _ => TextFingerprint.Of("read again"));

        // Then the fact is read from git again
        Assert.Equal(TextFingerprint.Of("read again"), fingerprint);
        Assert.Equal((0, 1), (later.Reused, later.Learned));
    }

    [Fact]
    public void Given_a_build_that_asked_only_for_stored_facts_When_saved_Then_the_entry_is_not_written_again()
    {
        // Given stored facts, dated long ago
        var first = HistoryFacts.Open(_cache);
        first.FingerprintOf(PageBlob, _ => Fingerprint);
        first.Save();
        var file = Assert.Single(Directory.GetFiles(HistoryFacts.EntryFolder(_cache), "*", SearchOption.AllDirectories));
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, longAgo);

        // When a build asks for exactly those and saves
        var later = HistoryFacts.Open(_cache);
        later.FingerprintOf(PageBlob, _ => throw new InvalidOperationException("read from git"));
        later.Save();

        // Then the entry is as it was
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void Given_a_path_with_a_line_break_or_an_unreadable_blob_When_saved_Then_neither_is_kept()
    {
        // Given facts that the entry's lines cannot hold, or that are no facts
        var first = HistoryFacts.Open(_cache);
        var broken = Inputs with { PagePath = "job-families/garden/two\nlines.md" };
        first.InputsOf(Commit, broken.PagePath, PageBlob, GradeBlob, "t", () => broken);
        first.FingerprintOf(LinkedBlob, _ => null);
        first.Save();

        // When a later build asks for them
        var later = HistoryFacts.Open(_cache);
        var inputs = later.InputsOf(Commit, broken.PagePath, PageBlob, GradeBlob, "t", () => broken);
        var fingerprint = later.FingerprintOf(LinkedBlob, _ => Fingerprint);

        // Then both are worked out again
        Assert.Equal(broken.PagePath, inputs.PagePath);
        Assert.Equal(Fingerprint, fingerprint);
        Assert.Equal(0, later.Reused);
    }

    [Fact]
    public async Task Given_a_versioned_build_with_a_cache_When_a_new_commit_is_built_Then_only_its_facts_are_read_from_git_and_the_site_is_the_uncached_one()
    {
        // Given the garden history built once with a cache (every fact read from git and kept)
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        Assert.Equal(0, build.Report.HistoryFacts.Reused);
        Assert.True(build.Report.HistoryFacts.Learned > 0);
        var keptBefore = build.Report.HistoryFacts.Learned;

        // When a new commit changes one page and the site is built again with that cache
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill", "Plant")).Commit("Diggers plant too");
        await build.BuildAgainAsync(repo.InputFolder, cache: true);
        using var oracle = await VersionedBuild.RunAsync(repo.InputFolder);

        // Then the facts of the versions that were there come from the cache, the new version's from git, and the site
        // is the one built without any cache
        Assert.True(build.Report.HistoryFacts.Reused > 0, build.Report.HistoryFacts.ToString());
        Assert.InRange(build.Report.HistoryFacts.Learned, 1, keptBefore - 1);
        build.AssertSameAs(oracle);
    }
}
