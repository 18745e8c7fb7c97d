namespace Handbook.Site.Tests.Links;

using Handbook.Site.Links;
using Handbook.Site.Tests.Support;

/// <summary>The anchors of page texts kept across builds with <c>--cache</c> (issue 9, the build after one commit).</summary>
public sealed class StoredPageAnchorsTests
{
    // Ids out of order and two differing only in case: the link check's case-insensitive match takes the first the
    // set enumerates, so a stored set must enumerate as the parsed one did.
    private const string Page = """<h2 id="zebra">Z</h2><h2 id="Apple">A</h2><p><a name="apple"></a></p><h3 id="mango">M</h3>""";
    private const string OtherPage = """<h2 id="other">O</h2>""";

    [Fact]
    public void Given_a_page_text_an_earlier_build_read_When_a_new_build_asks_Then_its_anchors_come_from_the_store_in_the_same_order()
    {
        // Given
        using var cache = new TempFolder();
        var first = StoredPageAnchors.Open(cache.Path);
        var parsed = first.Collect(Page);
        first.Save();

        // When
        var second = StoredPageAnchors.Open(cache.Path);
        var stored = second.Collect(new string(Page.AsSpan()));

        // Then
        Assert.Equal((1, 0), (first.PagesRead, first.PagesFromStore));
        Assert.Equal((0, 1), (second.PagesRead, second.PagesFromStore));
        Assert.Equal(["zebra", "Apple", "mango", "apple"], parsed);
        Assert.Equal(parsed, stored);
        Assert.Equal(AnchorCollector.Collect(new string(Page.AsSpan())), stored);
    }

    [Fact]
    public void Given_a_stored_page_When_its_text_changed_Then_the_new_text_is_parsed()
    {
        using var cache = new TempFolder();
        var first = StoredPageAnchors.Open(cache.Path);
        first.Collect(Page);
        first.Save();

        var second = StoredPageAnchors.Open(cache.Path);
        var anchors = second.Collect(Page.Replace("mango", "melon", StringComparison.Ordinal));

        Assert.Equal((1, 0), (second.PagesRead, second.PagesFromStore));
        Assert.Contains("melon", anchors);
        Assert.DoesNotContain("mango", anchors);
    }

    [Fact]
    public void Given_anchors_stored_by_another_tool_When_read_Then_every_page_is_parsed_again()
    {
        using var cache = new TempFolder();
        var first = StoredPageAnchors.Open(cache.Path, "tool A");
        first.Collect(Page);
        first.Save();

        var sameTool = StoredPageAnchors.Open(cache.Path, "tool A");
        sameTool.Collect(Page);
        var otherTool = StoredPageAnchors.Open(cache.Path, "tool B");
        otherTool.Collect(Page);

        Assert.Equal(0, sameTool.PagesRead);
        Assert.Equal(1, otherTool.PagesRead);
    }

    [Fact]
    public void Given_a_damaged_store_When_read_Then_every_page_is_parsed_again_with_the_same_anchors()
    {
        // Given a store whose entry lost its second half (a crash, a full disk)
        using var cache = new TempFolder();
        var first = StoredPageAnchors.Open(cache.Path);
        var parsed = first.Collect(Page);
        first.Save();
        var entry = PageStoreFiles.SingleEntry(cache.Path, StoredPageAnchors.SubFolder);
        var bytes = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry, bytes[..(bytes.Length / 2)]);

        // When
        var second = StoredPageAnchors.Open(cache.Path);
        var anchors = second.Collect(Page);

        // Then
        Assert.Equal(1, second.PagesRead);
        Assert.Equal(parsed, anchors);
    }

    [Fact]
    public void Given_a_build_that_asked_about_other_pages_When_saved_Then_the_store_keeps_only_the_pages_that_build_asked_about()
    {
        using var cache = new TempFolder();
        var first = StoredPageAnchors.Open(cache.Path);
        first.Collect(Page);
        first.Save();
        var second = StoredPageAnchors.Open(cache.Path);
        second.Collect(OtherPage);
        second.Save();

        var third = StoredPageAnchors.Open(cache.Path);
        third.Collect(OtherPage);
        third.Collect(Page);

        Assert.Equal((1, 1), (third.PagesRead, third.PagesFromStore));
    }

    [Fact]
    public void Given_malformed_bytes_When_decoded_Then_nothing_is_stored_and_a_written_store_reads_back()
    {
        var written = PageAnchorsCodec.Write("tool", [new("hash", ["b", "a"])]);

        Assert.Empty(PageAnchorsCodec.Read(written.AsMemory(0, written.Length - 1), "tool"));
        Assert.Empty(PageAnchorsCodec.Read(new byte[] { 1, 2, 3 }, "tool"));
        Assert.Equal(["b", "a"], PageAnchorsCodec.Read(written, "tool")["hash"]);
    }
}
