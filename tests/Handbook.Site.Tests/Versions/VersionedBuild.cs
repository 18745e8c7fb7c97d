namespace Handbook.Site.Tests.Versions;

using Handbook.Site.Building;
using Handbook.Site.Caching;
using Handbook.Site.Tests.Support;

/// <summary>Builds an input folder with history on (the repository's theme, a fixed base URL) and reads the output.</summary>
internal sealed class VersionedBuild : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Output => _folder["output"];

    public string Cache => _folder["cache"];

    public BuildReport Report { get; private set; } = null!;

    public static async Task<VersionedBuild> RunAsync(string input, bool history = true, bool cache = false, string? output = null)
    {
        var build = new VersionedBuild();
        await build.BuildAgainAsync(input, history, cache, output).ConfigureAwait(false);
        return build;
    }

    public async Task BuildAgainAsync(string input, bool history = true, bool cache = false, string? output = null) =>
        Report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = input,
            OutputFolder = output ?? Output,
            ThemeFolder = TestTheme.Folder,
            BaseUrl = "https://handbook.example.com",
            KeepGoing = true,
            History = history,
            CacheFolder = cache ? Cache : null,
        }).ConfigureAwait(false);

    /// <summary>
    /// Builds again with the cache, past its whole-build entries (deleted first): the per-page stores an earlier build
    /// left are what the build can take from the cache.
    /// </summary>
    public Task BuildPastTheWholeBuildCacheAsync(string input)
    {
        Directory.Delete(Path.Combine(Cache, SiteOutputCache.Subfolder, "builds"), recursive: true);
        return BuildAgainAsync(input, cache: true);
    }

    /// <summary>Asserts that this build reported <paramref name="expected"/>'s diagnostics and wrote its files, byte for byte.</summary>
    public void AssertSameAs(VersionedBuild expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Assert.Equal(expected.Report.Diagnostics, Report.Diagnostics);
        OutputFolders.AssertSameFiles(expected.Output, Output);
    }

    public bool Exists(string url) => File.Exists(FileOf(url));

    /// <summary>The output text of a root-relative URL (<c>/job-families/x/</c> → its index.html).</summary>
    public string Read(string url) => File.ReadAllText(FileOf(url));

    /// <summary>The version pages of a family URL, by version id.</summary>
    public IReadOnlyList<string> VersionIds(string familyUrl)
    {
        var folder = Path.Combine(Output, familyUrl.Trim('/'), "versions");
        return Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    public void Dispose() => _folder.Dispose();

    private string FileOf(string url) =>
        Path.Combine(Output, url.Trim('/'), url.EndsWith('/') || url.Length == 0 ? "index.html" : string.Empty).TrimEnd(Path.DirectorySeparatorChar);
}
