namespace Handbook.Site.Tests.Caching;

using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Building;
using Handbook.Site.Caching;
using Handbook.Site.Tests.Support;
using Handbook.Testing;

public class BuildCacheTests
{
    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    [Fact]
    public async Task Given_an_unchanged_input_When_built_twice_with_a_cache_Then_the_second_build_comes_from_the_cache_with_the_same_bytes_and_diagnostics()
    {
        // Given: the sample handbook built without a cache (the reference), and once with an empty cache.
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        var reference = await Build(folder, "reference", cache: null);
        var cold = await Build(folder, "output", cache: folder["cache"]);

        // When
        var warm = await Build(folder, "output", cache: folder["cache"]);

        // Then
        Assert.False(cold.FromCache);
        Assert.True(warm.FromCache);
        Assert.Equal(Formatted(reference), Formatted(cold));
        Assert.Equal(Formatted(reference), Formatted(warm));
        Assert.Equal((reference.PageCount, reference.FamilyCount, reference.OutputWritten), (warm.PageCount, warm.FamilyCount, warm.OutputWritten));
        AssertSameFiles(folder["reference"], folder["output"]);
        Assert.True(Directory.Exists(Path.Combine(folder["cache"], SiteOutputCache.Subfolder)));
    }

    [Fact]
    public async Task Given_a_cached_build_and_its_untouched_output_When_built_again_Then_nothing_is_written()
    {
        // Given
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        var cold = await Build(folder, "output", cache: folder["cache"]);
        var before = Stamps(folder["output"]);

        // When
        var warm = await Build(folder, "output", cache: folder["cache"]);

        // Then: same report, and every file is the very file written before (same write time), not a rewrite.
        Assert.True(warm.FromCache);
        Assert.Contains("OutputUpToDate", warm.Timings, StringComparison.Ordinal);
        Assert.Equal(Formatted(cold), Formatted(warm));
        Assert.Equal(cold.OutputWritten, warm.OutputWritten);
        Assert.Equal(before, Stamps(folder["output"]));
    }

    [Fact]
    public async Task Given_a_cached_build_When_built_again_unchanged_Then_the_history_is_not_read_but_a_miss_reads_it()
    {
        // Given: a cold build with a cache (a miss) and one without a cache, both with history on (the default)
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        var uncached = await Build(folder, "reference", cache: null);
        var cold = await Build(folder, "output", cache: folder["cache"]);

        // When: the same input again (a hit)
        var warm = await Build(folder, "output", cache: folder["cache"]);

        // Then: the history is read (and timed) by the builds that run the stages, never by the hit, whose report is
        // the cold build's all the same
        Assert.Contains("ReadHistory", uncached.Timings, StringComparison.Ordinal);
        Assert.Contains("ReadHistory", cold.Timings, StringComparison.Ordinal);
        Assert.True(warm.FromCache);
        Assert.DoesNotContain("ReadHistory", warm.Timings, StringComparison.Ordinal);
        Assert.Equal(Formatted(cold), Formatted(warm));
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("removed")]
    [InlineData("added")]
    public async Task Given_a_cached_build_When_its_output_was_changed_by_hand_Then_the_cached_files_are_written_again(string change)
    {
        // Given: the reference output, and a cached build whose output is then changed outside the tool.
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        await Build(folder, "reference", cache: null);
        await Build(folder, "output", cache: folder["cache"]);
        var page = Directory.EnumerateFiles(folder["output/job-families"], "index.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        switch (change)
        {
            case "edited": File.AppendAllText(page, "<!-- edited -->"); break;
            case "removed": File.Delete(page); break;
            default: File.WriteAllText(Path.Combine(folder["output"], "stray.html"), "stray"); break;
        }

        // When
        var warm = await Build(folder, "output", cache: folder["cache"]);

        // Then: the output is the build's again. A file edited in place is also the cache's stored file (a hard link,
        // FileBlobStore), which then fails its hash: the pages are built again instead of restored.
        Assert.Equal(change != "edited", warm.FromCache);
        Assert.Contains(change == "edited" ? "ReadHistory" : "RestoreFromCache", warm.Timings, StringComparison.Ordinal);
        AssertSameFiles(folder["reference"], folder["output"]);
    }

    [Fact]
    public async Task Given_a_cached_build_When_one_page_changes_Then_the_site_is_built_again_and_shows_the_change()
    {
        // Given
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        await Build(folder, "output", cache: folder["cache"]);
        var page = Directory.EnumerateFiles(folder["input/job-families"], "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(page, "\nA sentence added after the cached build.\n");

        // When
        var report = await Build(folder, "output", cache: folder["cache"]);

        // Then
        Assert.False(report.FromCache);
        Assert.Contains(
            Directory.EnumerateFiles(folder["output/job-families"], "index.html", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("A sentence added after the cached build.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_truncated_cache_blob_When_built_again_Then_the_damage_is_detected_and_the_site_rebuilt_byte_identical()
    {
        // Given: a cached build, then every stored output file replaced by its first half (a crash, a full disk). Replaced,
        // not cut in place: the stored files are further names of the reference output's files (hard links).
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        var first = await Build(folder, "reference", cache: folder["cache"]);
        var stored = Directory.EnumerateFiles(Path.Combine(folder["cache"], SiteOutputCache.Subfolder, "files"), "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(stored);
        foreach (var blob in stored)
        {
            var bytes = File.ReadAllBytes(blob);
            File.Delete(blob);
            File.WriteAllBytes(blob, bytes[..(bytes.Length / 2)]);
        }

        // When
        var report = await Build(folder, "output", cache: folder["cache"]);

        // Then: not served from the damaged cache, same output and diagnostics as before; the cache works again after.
        Assert.False(report.FromCache);
        Assert.Equal(Formatted(first), Formatted(report));
        AssertSameFiles(folder["reference"], folder["output"]);
        Assert.True((await Build(folder, "output", cache: folder["cache"])).FromCache);
    }

    [Fact]
    public async Task Given_a_cached_build_whose_output_files_were_edited_in_place_When_built_into_a_new_folder_Then_the_edits_are_not_served_and_the_site_is_rebuilt_byte_identical()
    {
        // Given: a build without a cache as the reference, a cached build, then every output page of the cached build
        // edited in place (appended to, not replaced) – which, where the cache keeps its files as hard links to the
        // output's, changes the cache's files too.
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        var reference = await Build(folder, "reference", cache: null);
        await Build(folder, "output", cache: folder["cache"]);
        foreach (var page in Directory.EnumerateFiles(folder["output"], "*.html", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(page, FileMode.Append);
            stream.Write("<!-- edited in place -->"u8);
        }

        // When
        var report = await Build(folder, "fresh", cache: folder["cache"]);

        // Then: whatever the cache still had, the new output is the reference's, byte for byte.
        Assert.Equal(Formatted(reference), Formatted(report));
        AssertSameFiles(folder["reference"], folder["fresh"]);
    }

    [Fact]
    public async Task Given_a_cached_build_When_a_theme_file_the_base_url_or_settings_yml_changes_Then_the_cache_is_not_used()
    {
        // Given: a copy of the theme, so it can be edited.
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        FolderCopy.Copy(TestTheme.Folder, folder["theme"]);
        await Build(folder, "output", cache: folder["cache"], theme: folder["theme"]);

        // When
        File.AppendAllText(Path.Combine(folder["theme"], "404.liquid"), "\n<!-- edited -->\n");
        var afterThemeEdit = await Build(folder, "output", cache: folder["cache"], theme: folder["theme"]);
        var withBaseUrl = await Build(folder, "output", cache: folder["cache"], theme: folder["theme"], baseUrl: "https://handbook.example.com");
        File.AppendAllText(folder["input/settings.yml"], "\n# edited\n");
        var afterSettingsEdit = await Build(folder, "output", cache: folder["cache"], theme: folder["theme"], baseUrl: "https://handbook.example.com");

        // Then
        Assert.False(afterThemeEdit.FromCache);
        Assert.False(withBaseUrl.FromCache);
        Assert.False(afterSettingsEdit.FromCache);
        Assert.Contains("<!-- edited -->", File.ReadAllText(folder["output/404.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_cached_build_When_the_theme_is_broken_afterwards_Then_the_build_with_the_cache_reports_the_theme_error_like_one_without()
    {
        // Given: a cached build, then a Liquid syntax error in a copy of the theme (the cache parses the theme only
        // on a miss, so the error must still come from that parse, exactly as without a cache)
        using var folder = new TempFolder();
        FolderCopy.Copy(SampleInput, folder["input"]);
        FolderCopy.Copy(TestTheme.Folder, folder["theme"]);
        Assert.DoesNotContain((await Build(folder, "output", cache: folder["cache"], theme: folder["theme"])).Diagnostics, d => d.Severity == Severity.Error);
        var before = Stamps(folder["output"]);
        File.AppendAllText(Path.Combine(folder["theme"], "404.liquid"), "\n{% if %}\n");

        // When
        var withCache = await Build(folder, "output", cache: folder["cache"], theme: folder["theme"]);
        var withoutCache = await Build(folder, "output", cache: null, theme: folder["theme"]);

        // Then: the same theme error, nothing written, the previous output untouched
        Assert.Contains(withCache.Diagnostics, d => d.Code == "THEME002");
        Assert.Equal(Formatted(withoutCache), Formatted(withCache));
        Assert.False(withCache.OutputWritten);
        Assert.False(withCache.FromCache);
        Assert.Equal(before, Stamps(folder["output"]));
    }

    private static Task<BuildReport> Build(TempFolder folder, string output, string? cache, string? theme = null, string? baseUrl = null) =>
        SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = folder["input"],
            OutputFolder = folder[output],
            ThemeFolder = theme ?? TestTheme.Folder,
            CacheFolder = cache,
            BaseUrl = baseUrl,
        });

    private static List<string> Formatted(BuildReport report) => report.Diagnostics.Select(d => d.Format() + "|" + d.Detail).ToList();

    private static void AssertSameFiles(string expected, string actual)
    {
        static List<string> Files(string root) =>
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
        var names = Files(expected);
        Assert.Equal(names, Files(actual));
        foreach (var name in names)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name))), $"{name} differs");
        }
    }

    private static List<(string Name, long Length, DateTime Written)> Stamps(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(root, f), new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
}
