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
    public void Given_entries_When_written_Then_they_lie_directly_in_the_cache_folder_and_no_other_folder_is_made()
    {
        // Given / When a few entries (each made a fan-out folder of its own before the twenty-second session)
        var cache = new ContentCache(_temp.Combine("cache"));
        var keys = new[] { cache.SetContentAddressed("one"u8), cache.SetContentAddressed("two"u8), cache.SetContentAddressed("three"u8) };

        // Then: one folder, the cache's own, holding exactly the entries
        Assert.Empty(Directory.GetDirectories(cache.Folder));
        Assert.Equal(keys.Select(k => k.Hex).Order(StringComparer.Ordinal), Directory.GetFiles(cache.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_an_entry_of_the_older_fan_out_layout_When_all_but_the_used_entries_are_removed_Then_it_goes_too()
    {
        // Given a used entry and one an older tool left in a two-character fan-out folder
        var cache = new ContentCache(_temp.Combine("cache"));
        var used = cache.SetContentAddressed("used"u8);
        var old = Path.Combine(cache.Folder, "ab", "ab" + new string('0', 62));
        Directory.CreateDirectory(Path.GetDirectoryName(old)!);
        File.WriteAllText(old, "an entry of the older layout");

        // When
        cache.RemoveEntriesExcept(new HashSet<string>([used.Hex], StringComparer.Ordinal));

        // Then
        Assert.False(File.Exists(old));
        Assert.True(cache.TryGet(used, out _));
    }

    [Fact]
    public void Given_no_cache_folder_When_entries_are_removed_Then_nothing_happens()
    {
        var cache = new ContentCache(_temp.Combine("never-written"));

        cache.RemoveEntriesExcept(new HashSet<string>(StringComparer.Ordinal));

        Assert.False(Directory.Exists(cache.Folder));
    }
}
