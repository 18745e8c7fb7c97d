namespace Handbook.Site.Tests.Building;

using Handbook.Site.Building;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

/// <summary>
/// A one-shot build's temporary files (<c>FragmentSpool</c>: the batches' texts, the per-family outputs' export parts,
/// search texts and occupations) are closed when the build returns, however far its late half read them: the site owns
/// them (<c>Site.Owns</c>). Read from the process's open files, so the tests run alone (no other build opens spools meanwhile).
/// </summary>
[Collection(nameof(OpenFilesOfTheProcess))]
public class SpoolHandlesTests
{
    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [LinuxFact]
    public async Task Given_a_batched_one_shot_build_When_it_returns_Then_no_spool_of_it_is_still_open()
    {
        // Given the sample, built in batches of five (every spool a one-shot build has: texts, export, search, occupations)
        using var folder = new TempFolder();
        var before = OpenSpools();

        // When the build returns
        var report = await SiteBuild.RunAsync(Request(folder["out"], cacheFolder: null));

        // Then it wrote the site, and no spool file it opened is open any more
        Assert.True(report.OutputWritten);
        Assert.Empty(OpenSpools().Except(before));
    }

    [LinuxFact]
    public async Task Given_a_one_shot_build_with_a_cache_When_it_returns_Then_no_spool_of_it_is_still_open()
    {
        // Given the sample built with --cache (the run the cache stores: RunOnceAsync)
        using var folder = new TempFolder();
        var before = OpenSpools();

        // When the build returns
        var report = await SiteBuild.RunAsync(Request(folder["out"], folder["cache"]));

        // Then no spool file it opened is open any more
        Assert.True(report.OutputWritten);
        Assert.Empty(OpenSpools().Except(before));
    }

    private static BuildRequest Request(string output, string? cacheFolder) => new()
    {
        InputFolder = SampleInput,
        OutputFolder = output,
        ThemeFolder = TestTheme.Folder,
        CacheFolder = cacheFolder,
        History = false,
        KeepGoing = true,
        FamiliesPerBatch = 5,
        SmallestBatchedSite = 0,
    };

    /// <summary>The spool files the process holds open (their names end in " (deleted)": unlinked when opened).</summary>
    private static HashSet<string> OpenSpools()
    {
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var descriptor in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget is { } target && target.Contains("handbook-spool-", StringComparison.Ordinal))
                {
                    open.Add(target);
                }
            }
            catch (IOException)
            {
                // closed between the listing and the read: not open
            }
        }

        return open;
    }
}

/// <summary>Tests that read what the whole process holds (its open files) run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(OpenFilesOfTheProcess), DisableParallelization = true)]
public sealed class OpenFilesOfTheProcess;

/// <summary>A fact that reads Linux's <c>/proc</c>: skipped elsewhere, with the reason.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "reads the process's open files from /proc/self/fd, which only Linux has";
        }
    }
}
