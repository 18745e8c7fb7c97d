namespace Handbook.Site.Tests.Security;

using System.Security.Cryptography;
using Handbook.Pipeline.Caching;
using Handbook.Site.Building;
using Handbook.Site.Caching;
using Handbook.Site.Security;
using Handbook.Site.Tests.Support;
using Handbook.Site.Tests.Versions;
using static Handbook.Site.Tests.Versions.GardenHistory;

/// <summary>Builds with <c>--cache</c> whose staging takes the CSP facts of pages an earlier build staged from the store (issue 9).</summary>
public sealed class StoredPageResourcesBuildTests
{
    private const string ImageHost = "https://images.example.org";
    private const string LiedHost = "https://lied.example.net";

    [Fact]
    public async Task Given_a_cached_build_When_a_new_commit_adds_an_image_of_another_origin_Then_the_cached_build_equals_a_build_without_a_cache()
    {
        // Given a history built once with a cache (its pages' facts stored)
        using var repo = NewRepository();
        using var cached = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        PageStoreFiles.SingleEntry(cached.Cache, StoredPageResources.SubFolder);
        Assert.DoesNotContain(ImageHost, Headers(cached), StringComparison.Ordinal);

        // When one page gains an image of another origin in a new commit, and the site is built with the cache and without
        repo.Write(Keeper, Fixtures.Family("Plant Keeper", "8", "Water the plants", "Prune", "Weed", $"Look at ![a rake]({ImageHost}/rake.png)")).Commit("A picture");
        await cached.BuildAgainAsync(repo.InputFolder, cache: true);
        using var uncached = await VersionedBuild.RunAsync(repo.InputFolder);

        // Then the policy allows the new origin, and output and diagnostics are those of the build without a cache
        Assert.Contains(ImageHost, Headers(uncached), StringComparison.Ordinal);
        cached.AssertSameAs(uncached);
    }

    [Fact]
    public async Task Given_a_store_that_says_every_page_loads_a_script_of_another_origin_When_built_past_the_whole_build_cache_Then_the_policy_believes_it()
    {
        // Given a cached build whose store is replaced by one (of this tool and origin) that gives every page a script
        // of another origin: not a state a build leaves, but it shows the staging reads the store instead of the pages
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        ReplaceStore(build, WriteNetlifyHeadersOrigin);

        // When the site is built again past the whole-build cache
        await build.BuildPastTheWholeBuildCacheAsync(repo.InputFolder);

        // Then
        Assert.Contains(LiedHost, Headers(build), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_store_written_for_another_site_origin_When_built_past_the_whole_build_cache_Then_every_page_is_read()
    {
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder, cache: true);
        var expected = Headers(build);
        ReplaceStore(build, "https://another.example.com");

        await build.BuildPastTheWholeBuildCacheAsync(repo.InputFolder);

        Assert.DoesNotContain(LiedHost, Headers(build), StringComparison.Ordinal);
        Assert.Equal(expected, Headers(build));
    }

    [Fact]
    public async Task Given_a_build_without_a_cache_When_it_runs_Then_it_stores_no_facts()
    {
        // Given the cache folder of an earlier build, passed to a build that does not use it (no cache)
        using var repo = NewRepository();
        using var build = await VersionedBuild.RunAsync(repo.InputFolder);

        // Then nothing is stored
        Assert.False(Directory.Exists(PageStoreFiles.Folder(build.Cache, StoredPageResources.SubFolder)));
    }

    // VersionedBuild's base URL is https://handbook.example.com; its origin is what the facts are read for.
    private const string WriteNetlifyHeadersOrigin = "https://handbook.example.com";

    private static void ReplaceStore(VersionedBuild build, string origin)
    {
        var lie = new PageResources { Scripts = new HashSet<string>(StringComparer.Ordinal) { LiedHost } };
        var pages = Directory.EnumerateFiles(build.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))))
            .Distinct(StringComparer.Ordinal)
            .Select(hash => new KeyValuePair<string, PageResources>(hash, lie))
            .ToList();
        Assert.NotEmpty(pages);
        new ContentCache(PageStoreFiles.Folder(build.Cache, StoredPageResources.SubFolder)).Set(StoredPageResources.Key, PageResourcesCodec.Write(BuildFingerprint.ToolIdentity.Value, origin, pages));
    }

    private static string Headers(VersionedBuild build) => File.ReadAllText(Path.Combine(build.Output, "_headers"));
}
