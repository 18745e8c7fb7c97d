namespace Handbook.JobFamilies.Tests.Stages;

using Handbook.JobFamilies.Stages;

/// <summary>A <see cref="CompressedText"/> kept in a spool (<see cref="ICompressedTextSpool"/>) reads back as the one kept on the heap.</summary>
public class CompressedTextSpoolTests
{
    [Theory]
    [InlineData("")]
    [InlineData("<ul><li class=\"inherited\">Count widgets</li></ul>")]
    [InlineData("ünïcödé → 𝄞 and a long run: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Given_a_spool_When_a_text_is_compressed_into_it_Then_it_reads_back_the_same_and_holds_as_many_bytes(string text)
    {
        // Given a spool with another text in it already (so the text is not at offset 0)
        var spool = new MemoryTextSpool();
        var before = CompressedText.Of("an earlier text", spool);

        // When the text is compressed into it
        var spooled = CompressedText.Of(text, spool);

        // Then it is in the spool, reads back exactly both ways, and its size is the heap copy's; the earlier one too
        Assert.True(spooled.IsSpooled);
        Assert.Equal(2, spool.Count);
        Assert.Equal(text, spooled.Decompress());
        Assert.Equal(text, spooled.DecompressBuffered().ToString());
        Assert.Equal(CompressedText.Of(text).Size, spooled.Size);
        Assert.Equal("an earlier text", before.Decompress());
    }

    [Fact]
    public void Given_texts_of_very_different_sizes_When_compressed_one_after_another_on_one_thread_Then_each_reads_back_as_itself()
    {
        // Given a long text that compresses badly, then short ones, then a longer one (the thread's compression buffer
        // grows, then holds fewer bytes than it did, then grows again)
        var random = new Random(9);
        var noisy = new string([.. Enumerable.Range(0, 200_000).Select(_ => (char)random.Next(0x20, 0x7F))]);
        string[] texts = [noisy, "short", string.Empty, "<p>" + string.Concat(Enumerable.Repeat("Leads the team. ", 5000)) + "</p>", "x"];
        var spool = new MemoryTextSpool();

        // When each is compressed into the spool and onto the heap
        var spooled = texts.Select(t => CompressedText.Of(t, spool)).ToList();
        var onHeap = texts.Select(t => CompressedText.Of(t)).ToList();

        // Then every one reads back exactly, from both, with the same size
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(texts[i], spooled[i].Decompress());
            Assert.Equal(texts[i], onHeap[i].Decompress());
            Assert.Equal(onHeap[i].Size, spooled[i].Size);
        }
    }

    [Fact]
    public void Given_a_text_with_an_unpaired_surrogate_When_compressed_into_a_spool_Then_it_stays_as_it_is_on_the_heap()
    {
        // Given a text UTF-8 cannot hold
        var spool = new MemoryTextSpool();
        var text = "before \uD800 after";

        // When compressed into the spool
        var compressed = CompressedText.Of(text, spool);

        // Then nothing was written and it comes back exactly
        Assert.False(compressed.IsSpooled);
        Assert.Equal(0, spool.Count);
        Assert.Equal(text, compressed.Decompress());
    }

    [Fact]
    public void Given_no_spool_When_compressed_Then_it_is_kept_on_the_heap()
    {
        var compressed = CompressedText.Of("text", spool: null);

        Assert.False(compressed.IsSpooled);
        Assert.Equal("text", compressed.Decompress());
    }

    [Fact]
    public void Given_a_rendered_body_When_deferred_with_a_spool_Then_it_is_spooled_and_renders_as_without()
    {
        // Given a rendered body, deferred with a spool and without
        var spool = new MemoryTextSpool();
        const string html = "<h2 id=\"levels\">Levels</h2>\n<ul><li>Count widgets</li></ul>\n";
        var spooled = DeferredBody.FromRendered(html, spool);
        var kept = DeferredBody.FromRendered(html);

        // Then the spooled one is in the spool, its size is the kept one's, and both render the body
        Assert.Equal(1, spool.Count);
        Assert.Equal(kept.CompressedSize, spooled.CompressedSize);
        Assert.Equal(html, spooled.Render().ToString());
        Assert.Equal(html, kept.Render().ToString());
    }
}
