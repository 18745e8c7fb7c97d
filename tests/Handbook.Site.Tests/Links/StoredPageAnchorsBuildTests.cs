namespace Handbook.Site.Tests.Links;

using Handbook.Pipeline.Caching;
using Handbook.Site.Building;
using Handbook.Site.Caching;
using Handbook.Site.Links;
using Handbook.Site.Tests.History;
using Handbook.Site.Tests.Support;
using Handbook.Site.Tests.Versions;
using static Handbook.Site.Tests.Versions.GardenHistory;

/// <summary>Builds with <c>--cache</c> whose link check takes page anchors from the store (issue 9).</summary>
public sealed class StoredPageAnchorsBuildTests
{
    private const string Gardener = "job-families/garden/gardener.md";

    [Fact]
    public async Task Given_a_cached_build_When_a_new_commit_changes_one_page_Then_the_cached_build_equals_a_build_without_a_cache()
    {
        // Given a history whose pages link to anchors of other pages (one of them missing), built once with a cache
        using var repo = NewRepositoryWithAnchorLinks();
        using var cached = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        PageStoreFiles.SingleEntry(cached.Cache, StoredPageAnchors.SubFolder);

        // When one page changes in a new commit and the site is built with the cache and without one
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune", "Weed", "Rake")).Commit("Raking");
        await cached.BuildAgainAsync(repo.InputFolder, cache: true);
        using var uncached = await VersionedBuild.RunAsync(repo.InputFolder);

        // Then output and diagnostics are the same, the missing anchor's warning and hint included
        Assert.Contains(uncached.Report.Diagnostics, d => d.Code == "LINK004" && d.Message.Contains("#senior-digge", StringComparison.Ordinal));
        cached.AssertSameAs(uncached);
    }

    [Fact]
    public async Task Given_a_store_that_says_a_page_has_no_anchors_When_built_past_the_whole_build_cache_Then_the_link_check_believes_it()
    {
        // Given a cached build whose anchor store is replaced by one (of this tool) that gives every page no anchors:
        // not a state a build leaves, but it shows the link check reads the store instead of the pages
        using var repo = NewRepositoryWithAnchorLinks();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        Assert.DoesNotContain(build.Report.Diagnostics, d => d.Message.Contains("'#levels'", StringComparison.Ordinal));
        var pages = Directory.EnumerateFiles(build.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => new KeyValuePair<string, string[]>(TextHash(File.ReadAllText(f)), []));
        var store = new ContentCache(PageStoreFiles.Folder(build.Cache, StoredPageAnchors.SubFolder));
        store.Set(StoredPageAnchors.Key, PageAnchorsCodec.Write(BuildFingerprint.ToolIdentity.Value, pages.DistinctBy(p => p.Key)));

        // When the site is built again past the whole-build cache
        await build.BuildPastTheWholeBuildCacheAsync(repo.InputFolder);

        // Then the link to an anchor that is there is reported missing
        Assert.Contains(build.Report.Diagnostics, d => d.Code == "LINK004" && d.Message.Contains("'#levels'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_the_preview_with_a_cache_folder_When_it_builds_Then_it_keeps_anchors_in_memory_and_stores_none()
    {
        // Given the site the preview composes (it keeps a run record for its incremental rebuilds), with --cache
        using var repo = NewRepositoryWithAnchorLinks();
        using var folder = new TempFolder();
        var request = new BuildRequest { InputFolder = repo.InputFolder, OutputFolder = folder["output"], ThemeFolder = TestTheme.Folder, CacheFolder = folder["cache"], WriteOutput = false };

        // When
        var result = await SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings()).RunAsync([]);

        // Then the link check ran (the missing anchor is reported) without the store
        Assert.Contains(result.Diagnostics, d => d.Code == "LINK004" && d.Message.Contains("#senior-digge", StringComparison.Ordinal));
        Assert.False(Directory.Exists(PageStoreFiles.Folder(folder["cache"], StoredPageAnchors.SubFolder)));
    }

    private static TestRepository NewRepositoryWithAnchorLinks()
    {
        var repo = NewRepository();
        repo.Write(Gardener, Fixtures.Family("Gardener", "7", "Work with the [diggers](/job-families/garden/digger/#levels)", "Ask a [senior digger](/job-families/garden/digger/#senior-digge)"))
            .Commit("Add the gardener");
        return repo;
    }

    private static string TextHash(string html) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(html.AsSpan())));
}
