namespace Handbook.JobFamilies.Tests.Stages;

using Handbook.JobFamilies.Stages;

public class CompressedTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("<ul><li class=\"inherited\">Count widgets</li></ul>")]
    [InlineData("ünïcödé → 𝄞 and a long run: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Given_a_text_When_compressed_and_decompressed_Then_it_is_the_same_text(string text)
    {
        // Given a text, compressed
        var compressed = CompressedText.Of(text);

        // Then both ways of reading it back give the text
        Assert.Equal(text, compressed.Decompress());
        Assert.Equal(text, compressed.DecompressBuffered().ToString());
    }

    [Fact]
    public void Given_a_text_with_an_unpaired_surrogate_When_compressed_Then_it_is_kept_as_it_is_and_comes_back_unchanged()
    {
        // Given a text UTF-8 cannot hold
        var text = "before \uD800 after";

        // When compressed
        var compressed = CompressedText.Of(text);

        // Then it comes back exactly (not with U+FFFD), held as its characters
        Assert.Equal(text, compressed.Decompress());
        Assert.Equal(text, compressed.DecompressBuffered().ToString());
        Assert.Equal(2L * text.Length, compressed.Size);
    }

    [Fact]
    public void Given_a_repetitive_body_When_compressed_Then_it_holds_far_fewer_bytes_than_its_characters()
    {
        var body = string.Concat(Enumerable.Repeat("<li class=\"inherited\" data-inherited-from=\"/job-families/sales/widget-analyst/\">Count widgets</li>\n", 500));

        var compressed = CompressedText.Of(body);

        Assert.True(compressed.Size * 10 < body.Length, $"{compressed.Size} bytes for {body.Length} characters");
    }

    [Fact]
    public void Given_a_body_rendered_already_When_its_page_renders_it_Then_it_is_the_body_and_a_second_render_throws()
    {
        // Given a deferred body made from a rendered text
        var deferred = DeferredBody.FromRendered("<p>Hello</p>");
        Assert.True(deferred.CompressedSize > 0);

        // When rendered, it is the text; it renders once
        Assert.Equal("<p>Hello</p>", deferred.Render().ToString());
        Assert.Equal(0, deferred.CompressedSize);
        Assert.Throws<InvalidOperationException>(() => deferred.Render());
    }
}
