namespace Handbook.Site.Tests.Links;

using Handbook.Pipeline.Documents;
using Handbook.Site.Links;

public class SiteLinkTargetsTests
{
    [Fact]
    public void Given_rendered_html_When_anchors_are_collected_Then_every_id_and_old_style_name_counts()
    {
        var anchors = AnchorCollector.Collect("""<h2 id="senior-baker">Senior</h2><p><a name="old-anchor"></a><span name="not-an-anchor"></span></p><table><tr id="grade-9-5"><td>9.5</td></tr></table>""");

        Assert.Equal(["grade-9-5", "old-anchor", "senior-baker"], anchors.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("<meta charset=\"utf-8\">")]
    [InlineData("<meta charset=\"windows-1252\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">")]
    [InlineData("<meta charset=\"no-such-encoding\">")]
    public void Given_a_whole_page_declaring_an_encoding_When_anchors_are_collected_Then_they_are_what_AngleSharps_default_parser_finds(string meta)
    {
        // Given a page as the theme writes it (the collector's parser leaves the encoding declaration alone: a string
        // has no bytes to decode)
        var html = $$"""
            <!DOCTYPE html><html lang="en"><head>{{meta}}<title>Bakers</title><script type="application/ld+json">{"a":"<h2 id='in-script'>"}</script></head>
            <body><h1 id="bakers">Bakers – café</h1><nav id="toc"><a href="#senior-baker">Senior</a></nav><h2 id="senior-baker">Senior</h2>
            <p><a name="old-anchor"></a></p><template><p id="in-template"></p></template><textarea><p id="in-textarea"></p></textarea></body></html>
            """;

        // When
        var anchors = AnchorCollector.Collect(html);

        // Then the same as the default configuration's
        using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var expected = document.QuerySelectorAll("[id]").Select(e => e.Id!).Concat(document.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, anchors.Order(StringComparer.Ordinal));
        Assert.Equal(["bakers", "old-anchor", "senior-baker", "toc"], anchors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_a_page_text_read_before_When_anchors_are_collected_again_Then_the_same_text_is_not_read_twice_and_an_equal_copy_gives_equal_anchors()
    {
        // Given: a page text (a preview run keeps the very same string for pages it did not rebuild).
        var html = string.Concat("<h2 id=\"a\">A</h2>", "<h2 id=\"b\">B</h2>");
        var first = AnchorCollector.Collect(html);

        // When
        var again = AnchorCollector.Collect(html);
        var copy = AnchorCollector.Collect(new string(html.AsSpan()));

        // Then
        Assert.Same(first, again);
        Assert.NotSame(first, copy);
        Assert.Equal(first.Order(StringComparer.Ordinal), copy.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_generated_documents_When_targets_are_built_Then_pretty_pages_files_and_index_html_are_reachable()
    {
        var targets = SiteLinkTargets.From(
        [
            new Document("job-families/a.md", "job-families/a/index.html", "<h1 id=\"a\">A</h1>", Metadata.Empty),
            new Document("404", "404.html", "<p id=\"missing\"></p>", Metadata.Empty),
            new Document("api", "api/job-families.json", "{}", Metadata.Empty),
            new Document("data/x.yml", null, "x: 1", Metadata.Empty),
        ]);

        Assert.True(targets.Exists("/job-families/a/"));
        Assert.True(targets.Exists("/job-families/a/index.html"));
        Assert.True(targets.Exists("/404.html"));
        Assert.True(targets.Exists("/api/job-families.json"));
        Assert.False(targets.Exists("/data/x.yml"));
        Assert.Equal(["a"], targets.AnchorsOf("/job-families/a/")!);
        Assert.Null(targets.AnchorsOf("/api/job-families.json"));
        Assert.Equal("/job-families/a/", targets.FindIgnoringCase("/Job-Families/A/"));
        Assert.Equal(["/job-families/a/"], targets.Pages);
    }
}
