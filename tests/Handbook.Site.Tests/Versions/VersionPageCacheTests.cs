namespace Handbook.Site.Tests.Versions;

using Handbook.Site.Tests.History;
using Handbook.Site.Tests.Support;
using Handbook.Site.Versions;
using static Handbook.Site.Tests.Versions.GardenHistory;

/// <summary>
/// Finished version and history pages kept across builds under <c>--cache DIR/version-pages/</c> (one pack per build,
/// with <c>--reuse-families</c>): a build after a new commit renders through the theme only the pages whose inputs
/// changed, and its output is byte for byte that of a build without any cache.
/// </summary>
public sealed class VersionPageCacheTests
{
    [Fact]
    public async Task Given_a_cached_build_When_a_commit_changes_one_family_and_the_site_is_built_with_the_cache_Then_only_that_familys_changed_pages_are_rendered_and_the_output_equals_a_build_without_cache()
    {
        // Given a repository built once with a cache (3 + 2 version pages, 2 history pages)
        using var repo = NewRepository();
        using var build = await ReusingBuild.RunAsync(repo.InputFolder);
        Assert.Equal((7, 0), build.Report.VersionPages);

        // When a new commit changes one page and the site is built again with the cache
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill", "Plant")).Commit("Diggers plant too");
        await build.BuildAgainAsync(repo.InputFolder);

        // Then only the digger's new version, the version that stopped being the latest and its history page are
        // rendered; every other page comes from the cache
        Assert.Equal((3, 5), build.Report.VersionPages);

        // ...as the previous output's files, which hold exactly the stored pages (linked, not written again)
        Assert.Equal(5, build.Report.VersionPagesKept);

        // ...the keeper's pages and recent-changes lines as the first build made them, its contents not read (the
        // memo of the families' histories), the digger's history made anew
        Assert.Equal((1, 1, 1), build.Report.Versions);
        Assert.Equal(1, build.Report.FamilyHistoriesFromMemo);

        // ...and every output file and diagnostic is the same as a build of that commit without any cache
        using var fresh = await VersionedBuild.RunAsync(repo.InputFolder);
        Assert.Equal(Files(fresh.Output), Files(build.Output));
        Assert.Equal(fresh.Report.Diagnostics, build.Report.Diagnostics);
        Assert.Equal((0, 0), fresh.Report.VersionPages);
    }

    [Fact]
    public async Task Given_a_cached_build_When_a_commit_renames_a_family_Then_the_pages_that_show_its_title_are_rendered_again_and_the_output_equals_a_build_without_cache()
    {
        // Given a repository built once with a cache
        using var repo = NewRepository();
        using var build = await ReusingBuild.RunAsync(repo.InputFolder);

        // When a commit renames the digger (its title is in the keeper's pages too: previous/next links, breadcrumbs)
        repo.Write(Digger, Fixtures.Family("Hole Digger", "7", "Dig", "Fill")).Commit("Rename the digger");
        await build.BuildAgainAsync(repo.InputFolder);

        // Then the output is the same as without a cache, and more than the digger's own new version is rendered
        using var fresh = await VersionedBuild.RunAsync(repo.InputFolder);
        Assert.Equal(Files(fresh.Output), Files(build.Output));
        Assert.True(build.Report.VersionPages.Rendered >= 3, build.Report.VersionPages.ToString());
    }

    [Fact]
    public async Task Given_a_cached_build_When_built_again_with_another_base_URL_Then_every_page_is_rendered_again_and_the_output_equals_a_build_without_cache()
    {
        // Given a repository built once with a cache
        using var repo = NewRepository();
        using var folder = new TempFolder();
        var cache = folder["cache"];
        await BuildAsync(repo.InputFolder, folder["first"], cache, "https://handbook.example.com");
        Assert.Equal(7, VersionPageCache.StoredKeys(cache).Count);

        // When it is built again with another base URL (canonical links of every page change)
        var report = await BuildAsync(repo.InputFolder, folder["second"], cache, "https://other.example.com");
        var fresh = await BuildAsync(repo.InputFolder, folder["fresh"], cache: null, "https://other.example.com");

        // Then no page comes from the cache, and the output is the same as without a cache
        Assert.Equal((7, 0), report.VersionPages);
        Assert.Equal(Files(folder["fresh"]), Files(folder["second"]));
        Assert.Equal(fresh.Diagnostics, report.Diagnostics);
    }

    [Fact]
    public async Task Given_a_cached_build_When_a_commit_retitles_the_department_Then_no_familys_history_is_taken_as_it_was_and_the_output_equals_a_build_without_cache()
    {
        // Given the garden with a department page, built once with a cache
        using var repo = NewRepository();
        repo.Write(GardenIndex, DepartmentPage("Garden")).Commit("Describe the garden");
        using var build = await ReusingBuild.RunAsync(repo.InputFolder);
        Assert.Equal(0, build.Report.FamilyHistoriesFromMemo);

        // When a commit retitles the department – no family page changes, but every version and history page of its
        // families shows the department in its breadcrumbs
        repo.Write(GardenIndex, DepartmentPage("Kitchen Garden")).Commit("Retitle the garden");
        await build.BuildAgainAsync(repo.InputFolder);

        // Then no family's history is taken as the last build made it, and the output is that of a build without a cache:
        // the versions show the new title (a version's content is rendered with this build's department titles, so
        // the render cache's key holds them; it did not before, and the older versions kept the old title)
        Assert.Equal(0, build.Report.FamilyHistoriesFromMemo);
        using var fresh = await VersionedBuild.RunAsync(repo.InputFolder);
        Assert.Equal(Files(fresh.Output), Files(build.Output));
        Assert.Contains("Kitchen Garden", File.ReadAllText(Directory.EnumerateFiles(Path.Combine(build.Output, "job-families", "garden", "plant-keeper", "versions"), "index.html", SearchOption.AllDirectories).First()), StringComparison.Ordinal);

        // ...and built once more without a change, both families' histories are taken as this build made them
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill", "Plant")).Commit("Diggers plant too");
        await build.BuildAgainAsync(repo.InputFolder);
        Assert.Equal(1, build.Report.FamilyHistoriesFromMemo);
        using var freshAgain = await VersionedBuild.RunAsync(repo.InputFolder);
        Assert.Equal(Files(freshAgain.Output), Files(build.Output));
    }

    [Fact]
    public async Task Given_a_memo_whose_pages_are_gone_When_built_again_Then_the_familys_pages_are_rendered_once_each_and_the_output_equals_a_build_without_cache()
    {
        // Given a cache filled by one build, whose page pack is then emptied (the memo still names every page's key)
        using var repo = NewRepository();
        using var build = await ReusingBuild.RunAsync(repo.InputFolder);
        File.Delete(VersionPageCache.PackPath(build.Cache));
        Directory.Delete(build.Output, recursive: true);

        // When a commit changes the digger and the site is built again
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill", "Plant")).Commit("Diggers plant too");
        await build.BuildAgainAsync(repo.InputFolder);

        // Then the keeper's memo is found but its first page is not stored: its history is made as without the memo,
        // each of the 8 pages rendered once (a page the memo looked up is not looked up and counted again)
        Assert.Equal(0, build.Report.FamilyHistoriesFromMemo);
        Assert.Equal((8, 0), build.Report.VersionPages);
        using var fresh = await VersionedBuild.RunAsync(repo.InputFolder);
        Assert.Equal(Files(fresh.Output), Files(build.Output));
    }

    [Theory]
    [InlineData("deleted", 3, 5, 0)]
    [InlineData("touched", 4, 4, 4)]
    public async Task Given_a_cached_build_When_its_output_is_gone_or_a_stored_page_in_it_was_changed_Then_intact_pages_are_staged_from_the_cache_and_a_changed_one_is_rendered_again(string change, int rendered, int fromCache, int kept)
    {
        // Given a repository built once with a cache
        using var repo = NewRepository();
        using var build = await ReusingBuild.RunAsync(repo.InputFolder);

        // When the output is deleted, or one unchanged version page in it is changed (same length, other bytes), and a
        // new commit is built with the cache
        var keeperPages = Directory.EnumerateFiles(build.Output, "index.html", SearchOption.AllDirectories)
            .Where(f => f.Contains("plant-keeper" + Path.DirectorySeparatorChar + "versions", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(3, keeperPages.Count);
        if (change == "deleted")
        {
            Directory.Delete(build.Output, recursive: true);
        }
        else
        {
            var bytes = File.ReadAllBytes(keeperPages[0]);
            var at = Array.IndexOf(bytes, (byte)'<', 10);
            bytes[at] = (byte)'>';
            File.WriteAllBytes(keeperPages[0], bytes);
        }

        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill", "Plant")).Commit("Diggers plant too");
        await build.BuildAgainAsync(repo.InputFolder);

        // Then the unchanged pages still come from the cache – left in place where the previous output holds them
        // intact, else read from the build cache's file of their hash. A page changed in place in the output changed
        // that file too (it is a hard link to the output's file): its hash no longer holds, so it is rendered again.
        Assert.Equal((rendered, fromCache), build.Report.VersionPages);
        Assert.Equal(kept, build.Report.VersionPagesKept);
        using var fresh = await VersionedBuild.RunAsync(repo.InputFolder);
        Assert.Equal(Files(fresh.Output), Files(build.Output));
        Assert.Equal(fresh.Report.Diagnostics, build.Report.Diagnostics);
    }

    [Fact]
    public async Task Given_a_cached_build_When_its_output_and_the_cache_files_of_its_pages_are_gone_Then_the_pages_are_rendered_again_and_the_output_is_unchanged()
    {
        // Given a cache filled by one build; its pack holds each page's hash and length, not its bytes
        using var repo = NewRepository();
        using var build = await ReusingBuild.RunAsync(repo.InputFolder);
        var expected = Files(build.Output);
        Assert.InRange(new FileInfo(VersionPageCache.PackPath(build.Cache)).Length, 1, 7 * 200);

        // When the output and the build cache's files (where the pages' bytes are kept) are deleted, and the site is built again
        Directory.Delete(build.Output, recursive: true);
        Directory.Delete(Handbook.Site.Caching.SiteOutputCache.FilesFolder(build.Cache), recursive: true);
        DropWholeBuildCache(build.Cache);
        await build.BuildAgainAsync(repo.InputFolder);

        // Then each page is rendered again (no stored bytes to stage), and the output is the same
        Assert.Equal((7, 0), build.Report.VersionPages);
        Assert.Equal(expected, Files(build.Output));
    }

    [Fact]
    public async Task Given_a_damaged_pack_When_built_again_Then_every_page_is_rendered_again_the_pack_is_stored_whole_and_the_output_is_unchanged()
    {
        // Given a cache filled by one build, with its pack cut in half
        using var repo = NewRepository();
        using var build = await ReusingBuild.RunAsync(repo.InputFolder);
        var expected = Files(build.Output);
        var pack = VersionPageCache.PackPath(build.Cache);
        var bytes = File.ReadAllBytes(pack);
        File.WriteAllBytes(pack, bytes[..(bytes.Length / 2)]);

        // When the site is built again past the whole-build cache (which would restore the output as a whole)
        DropWholeBuildCache(build.Cache);
        await build.BuildAgainAsync(repo.InputFolder);

        // Then every page is rendered again and the pack stored whole; the output is unchanged
        Assert.Equal((7, 0), build.Report.VersionPages);
        Assert.Equal(bytes, File.ReadAllBytes(pack));
        Assert.Equal(expected, Files(build.Output));
    }

    [Fact]
    public async Task Given_a_pack_whose_pages_were_all_used_When_built_again_Then_the_pack_is_not_written()
    {
        // Given a cache filled by one build, its pack dated in the past
        using var repo = NewRepository();
        using var build = await ReusingBuild.RunAsync(repo.InputFolder);
        var pack = VersionPageCache.PackPath(build.Cache);
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(pack, past);

        // When nothing changed and the site is built again past the whole-build cache
        DropWholeBuildCache(build.Cache);
        await build.BuildAgainAsync(repo.InputFolder);

        // Then every page came from the pack, which was not written again
        Assert.Equal((0, 7), build.Report.VersionPages);
        Assert.Equal(past, File.GetLastWriteTimeUtc(pack));
    }

    [Fact]
    public async Task Given_a_cache_of_the_file_per_page_form_When_a_pack_is_written_Then_the_old_files_are_deleted()
    {
        // Given a version-pages folder holding a page file of the thirteenth session's form
        using var repo = NewRepository();
        using var folder = new TempFolder();
        var cache = folder["cache"];
        var old = Path.Combine(cache, VersionPageCache.SubFolder, "ab", new string('a', 64));
        Directory.CreateDirectory(Path.GetDirectoryName(old)!);
        File.WriteAllText(old, "an entry of the old form");

        // When the site is built with that cache
        await BuildAsync(repo.InputFolder, folder["output"], cache, "https://handbook.example.com");

        // Then the folder holds the pack alone
        var files = Directory.EnumerateFiles(Path.Combine(cache, VersionPageCache.SubFolder), "*", SearchOption.AllDirectories).ToList();
        Assert.Equal([VersionPageCache.PackPath(cache)], files);
    }

    [Fact]
    public async Task Given_pages_whose_inputs_changed_When_built_again_Then_they_leave_the_pack()
    {
        // Given a cache filled by one build
        using var repo = NewRepository();
        using var build = await ReusingBuild.RunAsync(repo.InputFolder);
        var before = VersionPageCache.StoredKeys(build.Cache).ToHashSet(StringComparer.Ordinal);

        // When a commit changes one family and the site is built again
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill", "Plant")).Commit("Diggers plant too");
        await build.BuildAgainAsync(repo.InputFolder);

        // Then the pack holds exactly this build's pages: the 5 unchanged ones and 3 new ones, the 2 outdated gone
        var after = VersionPageCache.StoredKeys(build.Cache).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(8, after.Count);
        Assert.Equal(5, after.Intersect(before).Count());
    }

    private const string GardenIndex = "job-families/garden/index.html.md";

    private static string DepartmentPage(string title) => $"---\ntitle: \"{title}\"\n---\n\nEverything that grows.\n";

    private static async Task<Handbook.Site.Building.BuildReport> BuildAsync(string input, string output, string? cache, string baseUrl) =>
        await Handbook.Site.Building.SiteBuild.RunAsync(new Handbook.Site.Building.BuildRequest
        {
            InputFolder = input,
            OutputFolder = output,
            ThemeFolder = TestTheme.Folder,
            BaseUrl = baseUrl,
            KeepGoing = true,
            CacheFolder = cache,
            ReusesFamilies = cache is not null,
        });

    [Fact]
    public async Task Given_a_cache_without_reuse_families_When_built_twice_Then_no_version_page_is_stored_or_taken_from_it()
    {
        // Given a repository built with --cache but not --reuse-families
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);

        // When a commit changes one family and the site is built again
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill", "Plant")).Commit("Diggers plant too");
        await build.BuildAgainAsync(repo.InputFolder, cache: true);

        // Then every page was rendered, none stored (the default path is main's: no keys, no pack)
        Assert.Equal((0, 0), build.Report.VersionPages);
        Assert.False(Directory.Exists(Path.Combine(build.Cache, VersionPageCache.SubFolder)));
    }

    // The whole-build records only: the output files the cache keeps by hash (where version pages' bytes are read from)
    // stay, as they would after any build that missed the whole-build cache.
    private static void DropWholeBuildCache(string cache) =>
        Directory.Delete(Path.Combine(cache, Handbook.Site.Caching.SiteOutputCache.Subfolder, "builds"), recursive: true);

    // Every output file (pages, feed, sitemap, JSON, headers), by relative path, as bytes in hex.
    private static Dictionary<string, string> Files(string output) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(output, f), f => Convert.ToHexString(File.ReadAllBytes(f)), StringComparer.Ordinal);

    /// <summary>Builds with history, <c>--cache</c> and <c>--reuse-families</c> into one output and cache folder.</summary>
    private sealed class ReusingBuild : IDisposable
    {
        private readonly TempFolder _folder = new();

        public string Output => _folder["output"];

        public string Cache => _folder["cache"];

        public Handbook.Site.Building.BuildReport Report { get; private set; } = null!;

        public static async Task<ReusingBuild> RunAsync(string input)
        {
            var build = new ReusingBuild();
            await build.BuildAgainAsync(input);
            return build;
        }

        public async Task BuildAgainAsync(string input) =>
            Report = await BuildAsync(input, Output, Cache, "https://handbook.example.com");

        public void Dispose() => _folder.Dispose();
    }
}
