namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Tests.Support;

/// <summary>
/// <see cref="ContentCache.RemoveEntriesExcept"/>: a build's cache folder ends up holding the entries that build used,
/// and a write still in progress (its temporary file) is never deleted from under its writer.
/// </summary>
public sealed class ContentCachePruneTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Given_entries_and_a_write_in_progress_When_all_but_some_are_removed_Then_the_kept_entries_and_the_temporary_file_stay()
    {
        // Given three entries and another process's half-written entry
        var cache = new ContentCache(_temp.Combine("cache"));
        var kept = cache.SetContentAddressed("kept"u8);
        var gone = cache.SetContentAddressed("gone"u8);
        var alsoKept = cache.SetContentAddressed("also kept"u8);
        var inProgress = cache.PathOf(gone) + ".tmp-0123456789ab";
        File.WriteAllText(inProgress, "half");

        // When every entry but two is removed
        cache.RemoveEntriesExcept(new HashSet<string>([kept.Hex, alsoKept.Hex], StringComparer.Ordinal));

        // Then those two still read back, the third is gone, and the temporary file is untouched
        Assert.True(cache.TryGet(kept, out var keptBytes));
        Assert.Equal("kept"u8.ToArray(), keptBytes);
        Assert.True(cache.TryGet(alsoKept, out _));
        Assert.False(File.Exists(cache.PathOf(gone)));
        Assert.False(cache.TryGet(gone, out _));
        Assert.True(File.Exists(inProgress));
    }

    [Fact]
    public void Given_no_cache_folder_When_entries_are_removed_Then_nothing_happens()
    {
        var cache = new ContentCache(_temp.Combine("never-written"));

        cache.RemoveEntriesExcept(new HashSet<string>(StringComparer.Ordinal));

        Assert.False(Directory.Exists(cache.Folder));
    }
}
