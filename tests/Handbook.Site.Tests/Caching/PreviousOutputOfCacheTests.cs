namespace Handbook.Site.Tests.Caching;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Building;
using Handbook.Site.Caching;
using Handbook.Site.Tests.Support;
using Handbook.Site.Tests.Versions;
using static Handbook.Site.Tests.Versions.GardenHistory;

/// <summary>
/// Builds with <c>--cache</c> after a new commit: the files the previous output holds unchanged are left in place in the
/// output folder (<see cref="PreviousOutputOfCache"/>) instead of written; output and diagnostics must be those of a build
/// without a cache, and a failed build must leave the previous output as it was.
/// </summary>
public sealed class PreviousOutputOfCacheTests
{
    [Fact]
    public async Task Given_a_cached_build_When_a_new_commit_changes_one_page_Then_unchanged_files_are_left_in_place_and_the_output_equals_a_build_without_a_cache()
    {
        // Given
        using var repo = NewRepository();
        using var cached = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        Assert.Null(cached.Report.OutputFilesKept); // nothing known before the first cached write

        // When
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune", "Weed", "Rake")).Commit("Raking");
        await cached.BuildAgainAsync(repo.InputFolder, cache: true);
        using var uncached = await VersionedBuild.RunAsync(repo.InputFolder);

        // Then: most files were left in place, not all (the edited page and the pages listing it changed), and nothing differs
        var (kept, known) = Assert.NotNull(cached.Report.OutputFilesKept);
        Assert.InRange(kept, 1, known - 1);
        Assert.Contains("Rake", cached.Read("/job-families/garden/plant-keeper/"), StringComparison.Ordinal);
        cached.AssertSameAs(uncached);
    }

    [Fact]
    public async Task Given_cached_builds_after_two_commits_When_the_second_adds_and_moves_pages_Then_the_output_updated_in_place_equals_a_build_without_a_cache()
    {
        // Given a cached build and one after a commit, which updated the output in place
        using var repo = NewRepository();
        using var cached = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune", "Weed", "Rake")).Commit("Raking");
        await cached.BuildAgainAsync(repo.InputFolder, cache: true);
        var parent = Path.GetDirectoryName(cached.Output)!;
        Assert.Empty(Directory.EnumerateDirectories(parent, $".{Path.GetFileName(cached.Output)}.*"));

        // When a second commit adds a page and moves one (its old folder goes, a new one comes), and the site is built
        // with the cache again
        repo.Write("job-families/garden/weeder.md", Fixtures.Family("Weeder", "8", "Weed")).Move(Digger, "job-families/garden/hole-digger.md").Commit("Add the weeder, rename the digger");
        await cached.BuildAgainAsync(repo.InputFolder, cache: true);
        using var uncached = await VersionedBuild.RunAsync(repo.InputFolder);

        // Then: files left in place, no temporary or old folder beside the output, the old page's folder gone, and
        // nothing differs from a build without a cache – files, bytes and folders
        var (kept, known) = Assert.NotNull(cached.Report.OutputFilesKept);
        Assert.InRange(kept, 1, known - 1);
        Assert.Empty(Directory.EnumerateDirectories(parent, $".{Path.GetFileName(cached.Output)}.*"));
        cached.AssertSameAs(uncached);
        Assert.Equal(
            Directory.EnumerateDirectories(uncached.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(uncached.Output, f)).Order(StringComparer.Ordinal),
            Directory.EnumerateDirectories(cached.Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(cached.Output, f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Given_a_good_cached_build_When_the_next_build_fails_Then_the_output_and_its_files_are_as_they_were_and_the_next_good_build_is_exact()
    {
        // Given a good build with a cache, not keeping going on errors
        using var repo = NewRepository();
        using var folder = new TempFolder();
        var good = await Build(repo.InputFolder, folder);
        Assert.Equal((0, true), (good.ErrorCount, good.OutputWritten));
        var before = OutputFolders.Files(folder["output"]);

        // When a commit adds a page with an unknown grade (an error: the output is not replaced)
        repo.Write("job-families/garden/weeder.md", Fixtures.Family("Weeder", "99", "Weed")).Commit("Add the weeder");
        var failed = await Build(repo.InputFolder, folder);

        // Then the output is byte for byte the good one, and no staged folder is left
        Assert.True(failed.ErrorCount > 0);
        Assert.False(failed.OutputWritten);
        Assert.Equal(before, OutputFolders.Files(folder["output"]));
        Assert.Empty(Directory.EnumerateDirectories(folder.Path, ".output.*"));

        // And when the page is fixed, the cached build keeps the good output's unchanged files and equals a build without a cache
        repo.Write("job-families/garden/weeder.md", Fixtures.Family("Weeder", "8", "Weed")).Commit("Fix the weeder's grade");
        var fixedBuild = await Build(repo.InputFolder, folder);
        var reference = await Build(repo.InputFolder, folder, output: "reference", cache: false);
        Assert.True(fixedBuild.OutputFilesKept?.Kept > 0);
        Assert.Equal(reference.Diagnostics, fixedBuild.Diagnostics);
        OutputFolders.AssertSameFiles(folder["reference"], folder["output"]);
    }

    [Fact]
    public async Task Given_a_cached_build_When_its_output_was_edited_by_hand_before_a_new_commit_Then_the_edited_file_is_written_again()
    {
        // Given a cached build whose page is then edited in place outside the tool (same length)
        using var repo = NewRepository();
        using var cached = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        var page = Path.Combine(cached.Output, "job-families", "garden", "digger", "index.html");
        var text = File.ReadAllText(page);
        File.WriteAllText(page, text.Replace("Dig", "Gid", StringComparison.Ordinal));

        // When a commit changes another page and the site is built with the cache
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune", "Weed", "Rake")).Commit("Raking");
        await cached.BuildAgainAsync(repo.InputFolder, cache: true);
        using var uncached = await VersionedBuild.RunAsync(repo.InputFolder);

        // Then the hand edit is gone: the page holds what the build made
        Assert.Equal(text, File.ReadAllText(page));
        OutputFolders.AssertSameFiles(uncached.Output, cached.Output);
    }

    [Fact]
    public void Given_a_record_naming_a_destination_twice_When_joined_with_the_stamp_Then_that_destination_is_not_known()
    {
        // Given two documents that clashed at one destination (the write kept one; the record does not say which)
        var hash = new string('a', 64);
        var stamp = new OutputStamp("f", [new("a.html", 3, 10), new("b.html", 4, 20), new("c.html", 5, 30)]);
        var build = new CachedBuild(0, 0, [], [new("a.md", "a.html", hash), new("b.md", "b.html", hash), new("b2.md", "b.html", new string('b', 64)), new("x.md", "x.html", hash)]);

        // When
        var known = PreviousOutputOfCache.Join(stamp, build);

        // Then only the file stamped and recorded once is known, with its hash, length and time
        var file = Assert.Single(known);
        Assert.Equal("a.html", file.Key);
        Assert.Equal(Convert.FromHexString(hash), file.Value.Sha256.ToArray());
        Assert.Equal((3L, 10L), (file.Value.Length, file.Value.LastWriteTicks));
    }

    private static Task<BuildReport> Build(string input, TempFolder folder, string output = "output", bool cache = true) =>
        SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = input,
            OutputFolder = folder[output],
            ThemeFolder = TestTheme.Folder,
            BaseUrl = "https://handbook.example.com",
            CacheFolder = cache ? folder["cache"] : null,
        });
}
