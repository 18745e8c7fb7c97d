namespace Handbook.Site.Tests.Caching;

using System.Security.Cryptography;
using System.Text;
using Handbook.Pipeline.Caching;
using Handbook.Site.Caching;
using Handbook.Site.Links;
using Handbook.Site.Security;
using Handbook.Site.Tests.Support;

/// <summary>
/// The generic store of the build cache's per-page entries (<see cref="HashKeyedPageStore{T}"/>): a value kept by one
/// build is found by the next for the same text, saving keeps only what the build asked about and writes nothing when
/// that is what is stored, and what its reader does not accept is an empty store. The two entries that use it write the
/// bytes their codecs write (the cache format did not change when they came to share it).
/// </summary>
public sealed class HashKeyedPageStoreTests
{
    private const string SubFolder = "test-values";
    private static readonly CacheKey Key = CacheKey.Create("test-values", "1");

    [Fact]
    public void Given_a_value_one_build_read_When_the_next_build_asks_for_the_same_text_Then_it_comes_from_the_store()
    {
        // Given a build that found nothing stored, read a page and saved
        using var cache = new TempFolder();
        var first = Open(cache.Path);
        Assert.False(first.TryGet(Hash("page"), out _));
        first.Remember(Hash("page"), "value of page");
        first.Save();

        // When the next build asks for the same text, and for another
        var second = Open(cache.Path);
        var found = second.TryGet(Hash("page"), out var value);
        var other = second.TryGet(Hash("page "), out _);

        // Then the same text's value comes from the store, the other text's does not; the counts say so
        Assert.True(found);
        Assert.Equal("value of page", value);
        Assert.False(other);
        Assert.Equal((1, 0), (first.PagesRead, first.PagesFromStore));
        Assert.Equal((0, 1), (second.PagesRead, second.PagesFromStore));
    }

    [Fact]
    public void Given_a_page_remembered_twice_When_counted_Then_it_was_read_once()
    {
        // Given a page read by two threads of one build (both remember it)
        using var cache = new TempFolder();
        var store = Open(cache.Path);

        // When
        store.Remember(Hash("page"), "first");
        store.Remember(Hash("page"), "second");
        store.Save();

        // Then one page read, and the first value is the one kept
        Assert.Equal((1, 0), (store.PagesRead, store.PagesFromStore));
        Assert.True(Open(cache.Path).TryGet(Hash("page"), out var kept));
        Assert.Equal("first", kept);
    }

    [Fact]
    public void Given_a_build_that_asked_about_some_stored_pages_and_a_new_one_When_it_saves_Then_only_those_are_kept()
    {
        // Given pages a and b stored, and a build that asks about a and reads c
        using var cache = new TempFolder();
        var first = Open(cache.Path);
        first.Remember(Hash("a"), "A");
        first.Remember(Hash("b"), "B");
        first.Save();
        var second = Open(cache.Path);
        Assert.True(second.TryGet(Hash("a"), out _));
        second.Remember(Hash("c"), "C");

        // When
        second.Save();

        // Then
        var third = Open(cache.Path);
        Assert.True(third.TryGet(Hash("a"), out _));
        Assert.False(third.TryGet(Hash("b"), out _));
        Assert.True(third.TryGet(Hash("c"), out _));
    }

    [Fact]
    public void Given_a_build_that_read_nothing_new_and_asked_about_every_stored_page_When_it_saves_Then_nothing_is_written()
    {
        // Given a stored page, and a build that asks about it and reads nothing
        using var cache = new TempFolder();
        var first = Open(cache.Path);
        first.Remember(Hash("page"), "value");
        first.Save();
        var writes = 0;
        var second = Open(cache.Path, onWrite: () => writes++);
        Assert.True(second.TryGet(Hash("page"), out _));

        // When
        second.Save();

        // Then its writer was not asked, and the entry is there as before
        Assert.Equal(0, writes);
        Assert.True(Open(cache.Path).TryGet(Hash("page"), out _));
    }

    [Fact]
    public void Given_bytes_the_reader_does_not_accept_or_a_damaged_entry_When_opened_Then_the_store_is_empty()
    {
        // Given an entry written by the store, opened by a reader that refuses its bytes (another tool, another header)
        using var cache = new TempFolder();
        var first = Open(cache.Path);
        first.Remember(Hash("page"), "value");
        first.Save();
        var refusing = HashKeyedPageStore<string>.Open(cache.Path, SubFolder, Key, _ => [], Write);

        // When the entry's bytes are damaged on disk and it is opened again
        PageStoreFiles.DamageLastByte(cache.Path, SubFolder);
        var damaged = Open(cache.Path);

        // Then both read every page
        Assert.False(refusing.TryGet(Hash("page"), out _));
        Assert.False(damaged.TryGet(Hash("page"), out _));
    }

    [Fact]
    public void Given_the_two_entries_that_use_the_store_When_saved_Then_their_bytes_are_their_codecs()
    {
        // Given a page's anchors and a page's CSP facts, saved by the two stores
        using var cache = new TempFolder();
        const string Html = """<h2 id="b">B</h2><h2 id="a">A</h2>""";
        var anchors = StoredPageAnchors.Open(cache.Path, "tool A");
        anchors.Collect(Html);
        anchors.Save();
        var facts = new PageResources { Images = new HashSet<string>(StringComparer.Ordinal) { "https://images.example.org" } };
        var resources = StoredPageResources.Open(cache.Path, "https://handbook.example.com", "tool A");
        resources.Remember(Hash("page"), facts);
        resources.Save();

        // When their entries are read as bytes
        var anchorBytes = Payload(cache.Path, StoredPageAnchors.SubFolder, StoredPageAnchors.Key);
        var resourceBytes = Payload(cache.Path, StoredPageResources.SubFolder, StoredPageResources.Key);

        // Then each is what its codec writes for what was kept
        var textHash = Convert.ToHexStringLower(SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Html.AsSpan())));
        Assert.Equal(PageAnchorsCodec.Write("tool A", [new(textHash, ["b", "a"])]), anchorBytes);
        Assert.Equal(PageResourcesCodec.Write("tool A", "https://handbook.example.com", [new(Convert.ToHexStringLower(Hash("page")), facts)]), resourceBytes);
    }

    private static HashKeyedPageStore<string> Open(string cacheFolder, Action? onWrite = null) =>
        HashKeyedPageStore<string>.Open(
            cacheFolder,
            SubFolder,
            Key,
            payload => HashKeyedPagesCodec.Read(payload, "test-values", "tool A", _ => true, r => r.ReadString()),
            pages =>
            {
                onWrite?.Invoke();
                return Write(pages);
            });

    private static byte[] Write(IEnumerable<KeyValuePair<string, string>> pages) =>
        HashKeyedPagesCodec.Write("test-values", "tool A", _ => { }, pages, (w, v) => w.Write(v));

    private static byte[] Payload(string cacheFolder, string subFolder, CacheKey key)
    {
        Assert.True(new ContentCache(Path.Combine(cacheFolder, SiteOutputCache.Subfolder, subFolder)).TryGetPayload(key, out var payload));
        return payload.ToArray();
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
