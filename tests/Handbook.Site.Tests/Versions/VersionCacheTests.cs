namespace Handbook.Site.Tests.Versions;

using Handbook.Site.Tests.History;
using Handbook.Site.Versions;
using static Handbook.Site.Tests.Versions.GardenHistory;

/// <summary>The render cache of versions under <c>--cache DIR/versions/</c>.</summary>
public sealed class VersionCacheTests
{
    [Fact]
    public async Task A_second_build_renders_no_version_and_gives_the_same_output()
    {
        // Given a repository with five versions of two pages, built once with a cache (the two newest versions are
        // the current pages: they take the current build's result and are not rendered again)
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        Assert.Equal((3, 0, 2), build.Report.Versions);
        var firstPages = Snapshot(build.Output);

        // When it is built again with the same version cache (the whole-build cache dropped, so the build runs and
        // looks up each version instead of restoring the previous output as a whole)
        DropWholeBuildCache(build.Cache);
        await build.BuildAgainAsync(repo.InputFolder, cache: true);

        // Then every version comes from the cache and the output is the same
        Assert.Equal((0, 3, 2), build.Report.Versions);
        Assert.Equal(firstPages, Snapshot(build.Output));
    }

    [Fact]
    public async Task The_cache_is_one_pack_of_the_rendered_versions()
    {
        // When a repository with three versions to render is built with a cache
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);

        // Then the versions' folder holds one file, the pack, with one entry per rendered version
        Assert.Equal((3, 0, 2), build.Report.Versions);
        var files = Directory.EnumerateFiles(Path.Combine(build.Cache, VersionRenderCache.SubFolder), "*", SearchOption.AllDirectories).ToList();
        Assert.Equal([VersionRenderCache.PackPath(build.Cache)], files);
        Assert.Equal(3, VersionRenderCache.StoredEntries(build.Cache).Count);
    }

    [Fact]
    public async Task A_build_that_uses_every_stored_entry_and_renders_none_leaves_the_pack_as_it_is()
    {
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        var pack = VersionRenderCache.PackPath(build.Cache);
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(pack, longAgo);

        // When the site is built again past the whole-build cache
        DropWholeBuildCache(build.Cache);
        await build.BuildAgainAsync(repo.InputFolder, cache: true);

        // Then every version came from the pack and the pack was not written again
        Assert.Equal((0, 3, 2), build.Report.Versions);
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(pack));
    }

    [Fact]
    public async Task A_new_commit_renders_only_the_version_it_made_historic()
    {
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);

        // When a new commit changes one page
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill", "Plant")).Commit("Diggers plant too");
        await build.BuildAgainAsync(repo.InputFolder, cache: true);

        // Then only the page's previous version (current until now, so never cached) is rendered; the new one is current;
        // the pack now holds the three entries taken from it and the one rendered
        Assert.Equal((1, 3, 2), build.Report.Versions);
        Assert.Equal(4, VersionRenderCache.StoredEntries(build.Cache).Count);
    }

    [Fact]
    public async Task Entries_of_versions_no_longer_published_leave_the_pack()
    {
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        Assert.Equal(3, VersionRenderCache.StoredEntries(build.Cache).Count);

        // When the site publishes only the newest version of each page (both current pages, so nothing is looked up)
        repo.Write("settings.yml", "history:\n  max_versions: 1\n");
        await build.BuildAgainAsync(repo.InputFolder, cache: true);

        // Then the pack is written again without the entries this build did not use
        Assert.Equal((0, 0, 2), build.Report.Versions);
        Assert.Empty(VersionRenderCache.StoredEntries(build.Cache));
    }

    [Fact]
    public async Task A_damaged_pack_is_a_miss_for_every_version_and_the_pages_are_still_right()
    {
        // Given a cache filled by one build, with its pack cut in half (a crash while writing, a full disk)
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        var expected = Snapshot(build.Output);
        var pack = VersionRenderCache.PackPath(build.Cache);
        var bytes = File.ReadAllBytes(pack);
        File.WriteAllBytes(pack, bytes[..(bytes.Length / 2)]);

        // When the site is built again (past the whole-build cache, which would restore the output as a whole)
        DropWholeBuildCache(build.Cache);
        await build.BuildAgainAsync(repo.InputFolder, cache: true);

        // Then every version is rendered again and the pack written whole (the same bytes: the same entries); the output
        // is unchanged
        Assert.Equal((3, 0, 2), build.Report.Versions);
        Assert.Equal(bytes, File.ReadAllBytes(pack));
        Assert.Equal(expected, Snapshot(build.Output));
    }

    [Fact]
    public async Task A_version_whose_inputs_differ_from_a_stored_ones_is_rendered_not_taken_from_the_pack()
    {
        // Given a pack filled by a build of the garden history
        using var stored = NewRepository();
        using var first = await VersionedBuild.RunAsync(stored.InputFolder, cache: true);

        // and a second repository with the same paths and commits, whose first Plant Keeper text differs (the Digger's
        // first version and the Plant Keeper's second are the same texts with the same grade table)
        using var repo = new TestRepository();
        repo.Write(Fixtures.GradesPath, Fixtures.Grades("7", "8"));
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "7", "Water the roses"));
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig")).Commit("Add the garden");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune")).Commit("Regrade");
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill")).Commit("Diggers fill holes too");
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune", "Weed")).Commit("Weeding");
        using var oracle = await VersionedBuild.RunAsync(repo.InputFolder);

        // When it is built with a copy of that cache's versions
        using var build = new VersionedBuild();
        Support.FolderCopy.Copy(Path.Combine(first.Cache, VersionRenderCache.SubFolder), Path.Combine(build.Cache, VersionRenderCache.SubFolder));
        await build.BuildAgainAsync(repo.InputFolder, cache: true);

        // Then the version whose page text differs is rendered, the two with the same inputs come from the pack, and
        // the site is the one built without any cache
        Assert.Equal((1, 2, 2), build.Report.Versions);
        build.AssertSameAs(oracle);
        var keeper = "/job-families/garden/plant-keeper/";
        Assert.Single(build.VersionIds(keeper), id => build.Read(keeper + "versions/" + id + "/").Contains("roses", StringComparison.Ordinal));
    }

    private static void DropWholeBuildCache(string cache) =>
        Directory.Delete(Path.Combine(cache, Handbook.Site.Caching.SiteOutputCache.Subfolder), recursive: true);

    private static Dictionary<string, string> Snapshot(string output) =>
        Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(output, f), File.ReadAllText, StringComparer.Ordinal);
}
