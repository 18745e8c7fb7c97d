namespace Handbook.Pipeline.Tests;

using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Pipeline.Tests.Support;

public sealed class ContentCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private ContentCache NewCache() => new(_temp.Combine("cache"));

    [Fact]
    public void A_stored_entry_is_a_hit_with_the_same_content()
    {
        // Given an entry stored under a key
        var cache = NewCache();
        var key = CacheKey.Create("RenderMarkdown", "1", "# Hello");
        cache.SetString(key, "<h1>Hello</h1>");

        // When a new cache instance on the same folder looks it up
        var other = NewCache();
        var found = other.TryGetString(key, out var value);

        // Then it is found unchanged
        Assert.True(found);
        Assert.Equal("<h1>Hello</h1>", value);
        Assert.Equal(1, other.Statistics.Hits);
    }

    [Fact]
    public void Entries_written_after_their_fan_out_folder_was_deleted_by_someone_else_are_stored_and_read_back()
    {
        // Given a cache that wrote an entry (so it knows the entry's folder), and two more keys in that same folder
        var cache = NewCache();
        var first = CacheKey.Create("Blob", "1", "first");
        cache.SetString(first, "first");
        var folder = Path.GetDirectoryName(cache.PathOf(first))!;
        var sameFolder = Enumerable.Range(0, 10_000).Select(i => CacheKey.Create("Blob", "1", $"other {i}"))
            .Where(k => Path.GetDirectoryName(cache.PathOf(k)) == folder).Take(2).ToList();

        // When the folder is deleted behind its back (another process, a user) and entries are written into it again,
        // once through the same cache and once through a new one
        Directory.Delete(folder, recursive: true);
        cache.SetString(sameFolder[0], "second");
        Directory.Delete(folder, recursive: true);
        var other = NewCache();
        other.SetString(sameFolder[1], "third");
        cache.SetString(first, "first again");

        // Then every write succeeded and reads back
        Assert.Equal(0, cache.Statistics.WriteFailures);
        Assert.Equal(0, other.Statistics.WriteFailures);
        Assert.False(NewCache().TryGetString(sameFolder[0], out _)); // deleted with the folder the second time
        Assert.True(NewCache().TryGetString(sameFolder[1], out var third));
        Assert.Equal("third", third);
        Assert.True(NewCache().TryGetString(first, out var again));
        Assert.Equal("first again", again);
    }

    [Fact]
    public void Contains_is_true_only_for_a_complete_entry_of_the_expected_size()
    {
        // Given an entry of 14 bytes, and one cut short after it was written
        var cache = NewCache();
        var key = CacheKey.Create("Blob", "1", "a");
        cache.SetString(key, "<h1>Hello</h1>");
        var cut = CacheKey.Create("Blob", "1", "b");
        cache.SetString(cut, "<h1>Hello</h1>");
        var path = cache.PathOf(cut);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^3]);

        // Then only the complete entry with the right payload size counts as present
        Assert.True(cache.Contains(key, 14));
        Assert.False(cache.Contains(key, 15));
        Assert.False(cache.Contains(cut, 14));
        Assert.False(cache.Contains(CacheKey.Create("Blob", "1", "never stored"), 14));
    }

    [Theory]
    [InlineData("RenderMarkdown", "1", "# Hello!")]
    [InlineData("RenderMarkdown", "2", "# Hello")]
    [InlineData("OtherStage", "1", "# Hello")]
    public void A_change_of_input_stage_version_or_stage_name_is_a_miss(string stage, string version, string input)
    {
        var cache = NewCache();
        cache.SetString(CacheKey.Create("RenderMarkdown", "1", "# Hello"), "<h1>Hello</h1>");

        Assert.False(cache.TryGetString(CacheKey.Create(stage, version, input), out _));
        Assert.Equal(1, cache.Statistics.Misses);
    }

    [Fact]
    public void Key_parts_are_length_prefixed_so_shifting_text_between_inputs_changes_the_key()
    {
        Assert.NotEqual(CacheKey.Create("s", "1", "ab", "c"), CacheKey.Create("s", "1", "a", "bc"));
        Assert.Equal(CacheKey.Create("s", "1", "ab", "c"), CacheKey.Create("s", "1", "ab", "c"));
    }

    [Fact]
    public void A_truncated_entry_is_detected_deleted_and_treated_as_a_miss()
    {
        // Given an entry cut short, as a crash or a full disk leaves it
        var cache = NewCache();
        var key = CacheKey.Create("s", "1", "input");
        cache.SetString(key, "a result long enough to cut in half");
        var path = cache.PathOf(key);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 10)]);

        // When it is looked up
        var found = cache.TryGetString(key, out _);

        // Then it is not served, counted as damaged, and removed
        Assert.False(found);
        Assert.Equal(1, cache.Statistics.Rejected);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_corrupted_entry_of_the_right_length_is_detected_by_its_hash()
    {
        // Given an entry with one payload byte flipped
        var cache = NewCache();
        var key = CacheKey.Create("s", "1", "input");
        cache.SetString(key, "<p>correct</p>");
        var path = cache.PathOf(key);
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x20;
        File.WriteAllBytes(path, bytes);

        // When it is looked up, Then it is a miss and gone
        Assert.False(cache.TryGetString(key, out _));
        Assert.Equal(1, cache.Statistics.Rejected);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void An_entry_too_short_for_its_header_is_a_miss()
    {
        var cache = NewCache();
        var key = CacheKey.Create("s", "1", "input");
        Directory.CreateDirectory(Path.GetDirectoryName(cache.PathOf(key))!);
        File.WriteAllBytes(cache.PathOf(key), [1, 2, 3]);

        Assert.False(cache.TryGet(key, out _));
        Assert.Equal(1, cache.Statistics.Rejected);
    }

    [Fact]
    public void Writing_leaves_no_temporary_files()
    {
        var cache = NewCache();
        for (var i = 0; i < 20; i++)
        {
            cache.SetString(CacheKey.Create("s", "1", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "x");
        }

        Assert.DoesNotContain(Directory.EnumerateFiles(cache.Folder, "*", SearchOption.AllDirectories), f => f.Contains(".tmp-", StringComparison.Ordinal));
        Assert.Equal(20, cache.Statistics.Writes);
    }

    [Fact]
    public async Task Cached_stage_transforms_only_documents_it_has_not_seen()
    {
        // Given a cache registered with the site and a counting pure stage
        var stage = new CountingUpperCase();
        var site = new Site().AddStage(stage);
        site.Services.Add(NewCache());
        Document[] first = [Document.FromSource("a.md", "alpha"), Document.FromSource("b.md", "beta")];

        // When the site runs twice, the second time with b changed
        await site.RunAsync(first);
        var second = await site.RunAsync([first[0], Document.FromSource("b.md", "beta 2")]);

        // Then the second run transformed only the changed document, and both results are right
        Assert.Equal(3, stage.Calls);
        Assert.Equal(["ALPHA", "BETA 2"], second.Documents.Select(d => d.Content));
    }

    [Fact]
    public async Task Cached_stage_without_a_registered_cache_just_transforms()
    {
        var stage = new CountingUpperCase();
        var site = new Site().AddStage(stage);

        await site.RunAsync([Document.FromSource("a.md", "alpha")]);
        var again = await site.RunAsync([Document.FromSource("a.md", "alpha")]);

        Assert.Equal(2, stage.Calls);
        Assert.Equal("ALPHA", again.Documents[0].Content);
    }

    private sealed class CountingUpperCase : CachedPerDocumentStage
    {
        private int _calls;

        public int Calls => _calls;

        public override string Name => "CountingUpperCase";

        protected override string Version => "1";

        protected override string Transform(string content)
        {
            Interlocked.Increment(ref _calls);
            return content.ToUpperInvariant();
        }
    }
}
