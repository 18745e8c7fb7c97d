namespace Handbook.Site.Tests.Security;

using System.Security.Cryptography;
using System.Text;
using Handbook.Pipeline.Caching;
using Handbook.Site.Caching;
using Handbook.Site.Security;
using Handbook.Site.Tests.Support;

/// <summary>The CSP facts of staged pages kept across builds with <c>--cache</c> (issue 9, the build after one commit).</summary>
public sealed class StoredPageResourcesTests
{
    private const string Origin = "https://handbook.example.com";

    // Every field different, so a field read into another's place fails the comparison.
    private static readonly PageResources Facts = new()
    {
        Scripts = new HashSet<string>(StringComparer.Ordinal) { PageResources.Self, "'sha256-abc='", "https://cdn.example.org" },
        Styles = new HashSet<string>(StringComparer.Ordinal) { "https://styles.example.org" },
        Images = new HashSet<string>(StringComparer.Ordinal) { PageResources.Self, "https://images.example.org" },
        Frames = new HashSet<string>(StringComparer.Ordinal) { "https://www.youtube.com" },
        FormTargets = new HashSet<string>(StringComparer.Ordinal) { "https://forms.example.org" },
        Connects = new HashSet<string>(StringComparer.Ordinal) { "'self'", "https://api.example.org" },
        InlineStyles = true,
    };

    [Fact]
    public void Given_facts_an_earlier_build_read_When_a_new_build_stages_the_same_bytes_Then_they_come_from_the_store()
    {
        // Given
        using var cache = new TempFolder();
        var first = StoredPageResources.Open(cache.Path, Origin);
        Assert.False(first.TryGet(Hash("page"), out _));
        first.Remember(Hash("page"), Facts);
        first.Save();

        // When
        var second = StoredPageResources.Open(cache.Path, Origin);
        var found = second.TryGet(Hash("page"), out var stored);

        // Then
        Assert.True(found);
        AssertSameFacts(Facts, stored!);
        Assert.Equal((1, 0), (first.PagesRead, first.PagesFromStore));
        Assert.Equal((0, 1), (second.PagesRead, second.PagesFromStore));
    }

    [Fact]
    public void Given_stored_facts_When_the_bytes_differ_Then_the_page_is_read()
    {
        using var cache = new TempFolder();
        var first = StoredPageResources.Open(cache.Path, Origin);
        first.Remember(Hash("page"), Facts);
        first.Save();

        var second = StoredPageResources.Open(cache.Path, Origin);

        Assert.False(second.TryGet(Hash("page "), out _));
    }

    [Theory]
    [InlineData("https://other.example.com")]
    [InlineData(null)]
    public void Given_facts_stored_for_one_site_origin_When_opened_for_another_Then_every_page_is_read(string? otherOrigin)
    {
        using var cache = new TempFolder();
        var first = StoredPageResources.Open(cache.Path, Origin);
        first.Remember(Hash("page"), Facts);
        first.Save();

        var other = StoredPageResources.Open(cache.Path, otherOrigin);
        var same = StoredPageResources.Open(cache.Path, Origin);

        Assert.False(other.TryGet(Hash("page"), out _));
        Assert.True(same.TryGet(Hash("page"), out _));
    }

    [Fact]
    public void Given_facts_stored_without_a_site_origin_When_opened_with_one_Then_every_page_is_read()
    {
        using var cache = new TempFolder();
        var first = StoredPageResources.Open(cache.Path, siteOrigin: null);
        first.Remember(Hash("page"), Facts);
        first.Save();

        Assert.False(StoredPageResources.Open(cache.Path, Origin).TryGet(Hash("page"), out _));
        Assert.False(StoredPageResources.Open(cache.Path, string.Empty).TryGet(Hash("page"), out _));
        Assert.True(StoredPageResources.Open(cache.Path, siteOrigin: null).TryGet(Hash("page"), out _));
    }

    [Fact]
    public void Given_facts_stored_by_another_tool_When_read_Then_every_page_is_read_again()
    {
        using var cache = new TempFolder();
        var first = StoredPageResources.Open(cache.Path, Origin, "tool A");
        first.Remember(Hash("page"), Facts);
        first.Save();

        Assert.True(StoredPageResources.Open(cache.Path, Origin, "tool A").TryGet(Hash("page"), out _));
        Assert.False(StoredPageResources.Open(cache.Path, Origin, "tool B").TryGet(Hash("page"), out _));
    }

    [Fact]
    public void Given_a_build_that_staged_only_some_stored_pages_When_it_saves_Then_only_those_are_kept()
    {
        // Given two pages stored, and a build that stages one of them and a new one
        using var cache = new TempFolder();
        var first = StoredPageResources.Open(cache.Path, Origin);
        first.Remember(Hash("a"), Facts);
        first.Remember(Hash("b"), Facts);
        first.Save();
        var second = StoredPageResources.Open(cache.Path, Origin);
        Assert.True(second.TryGet(Hash("a"), out _));
        second.Remember(Hash("c"), Facts);

        // When
        second.Save();

        // Then
        var third = StoredPageResources.Open(cache.Path, Origin);
        Assert.True(third.TryGet(Hash("a"), out _));
        Assert.False(third.TryGet(Hash("b"), out _));
        Assert.True(third.TryGet(Hash("c"), out _));
    }

    [Fact]
    public void Given_a_malformed_entry_When_opened_Then_every_page_is_read()
    {
        // Given an entry of the right key whose payload is cut short (its checksum is right: a format bug, not damage)
        using var cache = new TempFolder();
        var payload = PageResourcesCodec.Write("tool A", Origin, [new(Convert.ToHexStringLower(Hash("page")), Facts)]);
        new ContentCache(Path.Combine(cache.Path, SiteOutputCache.Subfolder, StoredPageResources.SubFolder))
            .Set(StoredPageResources.Key, payload.AsSpan(0, payload.Length - 3));

        // When
        var store = StoredPageResources.Open(cache.Path, Origin, "tool A");

        // Then
        Assert.False(store.TryGet(Hash("page"), out _));
    }

    [Fact]
    public void Given_a_damaged_entry_When_opened_Then_every_page_is_read()
    {
        using var cache = new TempFolder();
        var first = StoredPageResources.Open(cache.Path, Origin);
        first.Remember(Hash("page"), Facts);
        first.Save();
        PageStoreFiles.DamageLastByte(cache.Path, StoredPageResources.SubFolder);

        Assert.False(StoredPageResources.Open(cache.Path, Origin).TryGet(Hash("page"), out _));
    }

    [Fact]
    public void Given_a_build_that_read_nothing_new_and_staged_every_stored_page_When_it_saves_Then_the_entry_is_not_rewritten()
    {
        using var cache = new TempFolder();
        var first = StoredPageResources.Open(cache.Path, Origin);
        first.Remember(Hash("page"), Facts);
        first.Save();
        var entry = PageStoreFiles.SingleEntry(cache.Path, StoredPageResources.SubFolder);
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(entry, written);

        var second = StoredPageResources.Open(cache.Path, Origin);
        Assert.True(second.TryGet(Hash("page"), out _));
        second.Save();

        Assert.Equal(written, File.GetLastWriteTimeUtc(entry));
    }

    internal static void AssertSameFacts(PageResources expected, PageResources actual)
    {
        Assert.Equal(expected.Scripts.Order(StringComparer.Ordinal), actual.Scripts.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Styles.Order(StringComparer.Ordinal), actual.Styles.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Images.Order(StringComparer.Ordinal), actual.Images.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Frames.Order(StringComparer.Ordinal), actual.Frames.Order(StringComparer.Ordinal));
        Assert.Equal(expected.FormTargets.Order(StringComparer.Ordinal), actual.FormTargets.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Connects.Order(StringComparer.Ordinal), actual.Connects.Order(StringComparer.Ordinal));
        Assert.Equal(expected.InlineStyles, actual.InlineStyles);
    }

    private static byte[] Hash(string page) => SHA256.HashData(Encoding.UTF8.GetBytes(page));
}
