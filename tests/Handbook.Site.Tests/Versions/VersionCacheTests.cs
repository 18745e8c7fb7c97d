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
    public async Task A_new_commit_renders_only_the_version_it_made_historic()
    {
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);

        // When a new commit changes one page
        repo.Write(Digger, Fixtures.Family("Digger", "7", "Dig", "Fill", "Plant")).Commit("Diggers plant too");
        await build.BuildAgainAsync(repo.InputFolder, cache: true);

        // Then only the page's previous version (current until now, so never cached) is rendered; the new one is current
        Assert.Equal((1, 3, 2), build.Report.Versions);
    }

    [Fact]
    public async Task A_truncated_cache_entry_is_rendered_again_and_the_page_is_still_right()
    {
        // Given a cache filled by one build, with one entry cut in half (a crash while writing, a full disk)
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        var expected = Snapshot(build.Output);
        var entries = Directory.EnumerateFiles(Path.Combine(build.Cache, VersionRenderCache.SubFolder), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, entries.Count);
        var bytes = File.ReadAllBytes(entries[0]);
        File.WriteAllBytes(entries[0], bytes[..(bytes.Length / 2)]);

        // When the site is built again (past the whole-build cache, which would restore the output as a whole)
        DropWholeBuildCache(build.Cache);
        await build.BuildAgainAsync(repo.InputFolder, cache: true);

        // Then that one version is rendered again (and its entry rewritten whole); the output is unchanged
        Assert.Equal((1, 2, 2), build.Report.Versions);
        Assert.Equal(bytes.Length, new FileInfo(entries[0]).Length);
        Assert.Equal(expected, Snapshot(build.Output));
    }

    private static void DropWholeBuildCache(string cache) =>
        Directory.Delete(Path.Combine(cache, Handbook.Site.Caching.SiteOutputCache.Subfolder), recursive: true);

    private static Dictionary<string, string> Snapshot(string output) =>
        Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(output, f), File.ReadAllText, StringComparer.Ordinal);
}
