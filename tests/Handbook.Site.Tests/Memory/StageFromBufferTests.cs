namespace Handbook.Site.Tests.Memory;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Site.Building;
using Handbook.Site.Security;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;

/// <summary>
/// Family and compare pages are staged straight from the buffer the theme rendered them into
/// (<see cref="StageFinishedPages.Finish(Document, ReadOnlySpan{char}, CancellationToken)"/>), never made a string.
/// The oracle is the path it replaces: the page with its text as <see cref="Document.Content"/> handed to
/// <see cref="StageFinishedPages.Finish(Document, CancellationToken)"/>. Both must stage the same pages with the same
/// bytes and CSP facts, and refuse the same pages, which then keep their text.
/// </summary>
public class StageFromBufferTests
{
    private const string Head = "<!DOCTYPE html>\n<html lang=\"en\"><head><link rel=\"stylesheet\" href=\"/assets/site.css\"><script src=\"https://cdn.example.org/m.js\"></script></head>";

    public static TheoryData<string, string> Pages => new()
    {
        { "job-families/a/index.html", Head + "<body><p style=\"color:red\">Ünïcödé – text\u00A0here</p><img src=\"/a.png\"><script>var x = 1;</script></body></html>\n" },
        { "job-families/b/index.html", Head + "<body><svg><style>p{}</style></svg><form action=\"https://forms.example.org/x\"></form></body></html>\n" }, // the scanner gives up: AngleSharp reads it
        { "job-families/c/index.html", Head + "<body>a line\r\nwith a carriage return</body></html>\n" }, // not staged: CRLF is written as LF
        { "job-families/d/index.html", Head + "<body>a lone \uD800 surrogate</body></html>\n" }, // not staged: it would read back as U+FFFD
        { "job-families/e/index.html", Head + "<body>astral \U0001F600 is fine</body></html>\n" },
        { "api/notes.txt", "not a page: staged without CSP facts\n" },
        { "../outside.html", "<p>a destination the staging refuses</p>\n" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Given_a_rendered_page_When_staged_from_its_buffer_Then_it_is_staged_as_the_page_with_its_text_would_be(string destination, string text)
    {
        // Given one staging for the oracle path and one for the buffer path
        using var folder = new TempFolder();
        var settings = new SiteSettings { BaseUrl = "https://handbook.example.com" };
        using var oracleStaging = new OutputWriter(folder["oracle"]).BeginStaging();
        using var bufferStaging = new OutputWriter(folder["buffer"]).BeginStaging();
        var page = new Document("source.md", destination, string.Empty, Metadata.Empty);

        // When the page is finished with its text as Content (the oracle) and from a buffer holding the text
        var expected = new StageFinishedPages(oracleStaging, settings, "Oracle").Finish(page with { Content = text }, CancellationToken.None);
        var buffer = ("padding before" + text + "and after").ToCharArray();
        var actual = new StageFinishedPages(bufferStaging, settings, "Buffer").Finish(page, buffer.AsSpan("padding before".Length, text.Length), CancellationToken.None);

        // Then both staged it or both kept it, with the same text, bytes and CSP facts
        Assert.Equal(expected.Staged is null, actual.Staged is null);
        Assert.Equal(expected.Content, actual.Content);
        Assert.Equal(expected.ToOutputBytes(), actual.ToOutputBytes());
        Assert.Equal(expected.Metadata.Contains(WriteNetlifyHeaders.RecordedResources), actual.Metadata.Contains(WriteNetlifyHeaders.RecordedResources));
        if (expected.TryGet(WriteNetlifyHeaders.RecordedResources, out var facts))
        {
            AssertSameFacts(facts, actual.Get(WriteNetlifyHeaders.RecordedResources));
        }

        Assert.Equal(oracleStaging.Count, bufferStaging.Count);
    }

    [Fact]
    public void Given_a_destination_staged_already_When_another_page_is_staged_there_from_a_buffer_Then_it_keeps_its_text_for_the_final_write()
    {
        using var folder = new TempFolder();
        using var staging = new OutputWriter(folder["out"]).BeginStaging();
        var finished = new StageFinishedPages(staging, new SiteSettings(), "Test");
        var page = new Document("a.md", "a/index.html", string.Empty, Metadata.Empty);

        var first = finished.Finish(page, "<p>first</p>\n", CancellationToken.None);
        var second = finished.Finish(page, "<p>second</p>\n", CancellationToken.None);

        Assert.NotNull(first.Staged);
        Assert.Equal(string.Empty, first.Content);
        Assert.Null(second.Staged);
        Assert.Equal("<p>second</p>\n", second.Content);
        Assert.False(second.Metadata.Contains(WriteNetlifyHeaders.RecordedResources));
    }

    private static void AssertSameFacts(RecordedPageResources expected, RecordedPageResources actual)
    {
        Assert.Equal(expected.SiteOrigin, actual.SiteOrigin);
        Assert.Equal(expected.Resources.Scripts.Order(StringComparer.Ordinal), actual.Resources.Scripts.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Resources.Styles.Order(StringComparer.Ordinal), actual.Resources.Styles.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Resources.Images.Order(StringComparer.Ordinal), actual.Resources.Images.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Resources.Frames.Order(StringComparer.Ordinal), actual.Resources.Frames.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Resources.FormTargets.Order(StringComparer.Ordinal), actual.Resources.FormTargets.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Resources.Connects.Order(StringComparer.Ordinal), actual.Resources.Connects.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Resources.InlineStyles, actual.Resources.InlineStyles);
    }
}
