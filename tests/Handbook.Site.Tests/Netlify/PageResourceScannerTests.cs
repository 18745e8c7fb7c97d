namespace Handbook.Site.Tests.Netlify;

using Handbook.Site.Building;
using Handbook.Site.Security;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// The scanner that reads a page's CSP facts without a DOM gives exactly what AngleSharp's DOM gives, or gives up
/// (null) so the caller parses the page.
/// </summary>
public class PageResourceScannerTests(ITestOutputHelper output)
{
    private const string Origin = "https://handbook.example.com";

    private static readonly IReadOnlySet<string> Mermaid = new HashSet<string> { "/assets/vendor/mermaid/mermaid.min.js" };

    private static string Page(string head, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>T &amp; <b></title>{head}</head><body>{body}</body></html>\n";

    public static TheoryData<string, string> PagesTheScannerReads => new()
    {
        { "<link rel=\"stylesheet\" href=\"/assets/site.css\">", "<p>text</p>" },
        { "<link rel=\"preload stylesheet\" href=\"https://cdn.example.org/a.css\"><link rel=\"icon\" href=\"/x.png\">", "<p>a &lt; b</p>" },
        { "<script src=\"/assets/search.js\" defer data-connect=\"/search-index.json\"></script>", "<form action=\"/job-families/search/\" method=\"get\"><input name=q></form>" },
        { "<script>document.documentElement.className = 'js'; if (a </b) {}</script>", "<script type=\"application/ld+json\">{\"a\":\"</scripty>\"}</script>" },
        { "<SCRIPT SRC='/assets/vendor/mermaid/mermaid.min.js'></SCRIPT >", "<pre class=\"mermaid\">graph TD; A--&gt;B</pre>" },
        { string.Empty, "<table><tr><td style=\"text-align: right\">1</td></tr></table>" },
        { string.Empty, "<img src=\"https://cdn.example.org/a.png?x=1&amp;y=2\" alt=\"&quot;\"><img src=\"https://handbook.example.com/b.png\"><img src=c.png>" },
        { string.Empty, "<iframe src=\"https://www.youtube.com/embed/abc\" allowfullscreen><img src=\"https://not-an-image.example/\"></iframe>" },
        { string.Empty, "<!-- <script src=\"https://evil.example/x.js\"></script> --><p>3 < 4</p><img src=\"//cdn.example.net/p.png\" src=\"/second.png\">" },
        { "<style>p { color: red }</style>", "<textarea><img src=\"https://not.example/\"></textarea><br/>" },
        { string.Empty, "<div style=\"\"></div><script type=\" Module \">x()</script><script type=\"text/template\">y</script>" },
        // Values only some tags read (an <a>'s href, a <link>'s type) are checked but not kept; tag names in any case.
        // Every attribute the CSP reads, in other cases, next to names of the same or similar length that it does not read.
        { "<script SRC=\"/s.js\" TYPE=\"module\" DATA-CONNECT=\"/d.json\" data-connecx=\"/no.json\" typo=\"x\"></script>", "<form ACTION=\"https://f.example.org/\" actioN2=\"/no\"><p STYLE=\"\" styles=\"x\" srcs=\"/no.png\" rels=\"x\" hrefs=\"y\"></p></form><img sRc=\"/e.png\" src2=\"/no.png\" srd=\"/no.png\">" },
        { "<LINK REL=\"stylesheet\" HREF=\"/c.css?v=1&amp;w=2\" type=\"text/css\">", "<A HREF=\"/a?x=1&amp;y=2\" rel=\"nofollow\" type=\"x\">a</A><Img Src=\"/d.png\"><form action=\"/f\" src=\"/not-read.png\"></form>" },
        // A noscript in the body is an ordinary element for a parser with scripting off (the search page's message):
        // what it holds is in the DOM, so the scanner reads it too (an image, a style attribute, a form, a stylesheet link).
        { string.Empty, "<noscript><p class=\"search-noscript\">No <a href=\"/a\">JS</a><img src=\"https://n.example/n.png\"></p></noscript>" },
        { string.Empty, "<NOSCRIPT><p style=\"color: red\">x</p><form action=\"https://f.example/\"></form><link rel=\"stylesheet\" href=\"https://s.example/a.css\"></noscript><noscript></NOSCRIPT>" },
        { string.Empty, "<table><tr><td>1</td></tr></table><noscript><iframe src=\"https://v.example/\"></iframe></noscript>" },
    };

    public static TheoryData<string> PagesLeftToTheParser => new()
    {
        "<svg><style>x</style></svg>",
        "<template><script src=\"/t.js\"></script></template>",
        "<select><img src=\"https://a.example/\"></select>",
        "<form action=\"/a\"><form action=\"https://b.example/\"></form></form>",
        "<td style=\"color: red\">outside a table</td>",
        "<img src=\"/a.png?x=1&copy=2\">",
        "<a href=\"/a?x=1&copy=2\">a character reference the scanner does not decode, in a value it does not read</a>",
        "<img src=\"/a.png\"src=\"/b.png\">",
        "<?php echo 1 ?>",
        "<![CDATA[ x ]]>",
        "<!--> <img src=\"https://a.example/\"> -->",
        "<script><!-- <script></script> --></script>",
        "<table><noscript><img src=\"https://a.example/\"></noscript></table>",
        "<table><tr><td><noscript><img src=\"https://a.example/\"></noscript></td></tr></table>",
        "<p>\r\n</p>",
        "<link rel=\"Stylesheet\" href=\"/a.css\">",
        "<img src=\"/a.png\"",
    };

    [Theory]
    [MemberData(nameof(PagesTheScannerReads))]
    public void Given_a_page_the_scanner_follows_When_read_Then_the_facts_equal_the_DOM_s(string head, string body)
    {
        var html = Page(head, body);

        var scanned = PageResourceScanner.TryRead(html, Origin, Mermaid);

        Assert.NotNull(scanned);
        AssertSame(PageResources.FromDom(html, Origin, Mermaid), scanned, html);
    }

    [Theory]
    [MemberData(nameof(PagesLeftToTheParser))]
    public void Given_markup_the_tree_builder_could_rearrange_When_read_Then_the_scanner_gives_up(string body)
    {
        Assert.Null(PageResourceScanner.TryRead(Page(string.Empty, body), Origin, Mermaid));
    }

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html><head><noscript><link rel=\"stylesheet\" href=\"https://s.example/a.css\"><img src=\"https://a.example/\"></noscript></head><body><p>x</p></body></html>")]
    [InlineData("<!DOCTYPE html>\n<html><head><title>t</title></head><noscript><img src=\"https://a.example/\"></noscript><body></body></html>")]
    [InlineData("<!DOCTYPE html>\n<p>no body tag</p><noscript><img src=\"https://a.example/\"></noscript>")]
    public void Given_a_noscript_before_any_body_start_tag_When_read_Then_the_scanner_gives_up(string html)
    {
        // In the head a noscript has its own insertion mode (it keeps only links, metas and styles and ends the head at
        // anything else); the scanner only knows it is in the body after a body start tag.
        Assert.Null(PageResourceScanner.TryRead(html, Origin, Mermaid));
    }

    [Fact]
    public void Given_the_search_page_s_noscript_message_When_read_Then_the_scanner_reads_it_as_the_DOM_does()
    {
        var html = Page(
            "<script src=\"/assets/search.js\" defer data-connect=\"/search-index.json\"></script>",
            File.ReadAllText(Path.Combine(SharedCorpus.RepositoryRoot, "theme", "search.liquid")));

        var scanned = PageResourceScanner.TryRead(html, Origin, Mermaid);

        Assert.NotNull(scanned);
        AssertSame(PageResources.FromDom(html, Origin, Mermaid), scanned, html);
    }

    [Fact]
    public async Task Given_the_sample_site_When_built_Then_the_scanner_reads_every_page_as_the_DOM_does()
    {
        using var folder = new TempFolder();
        var report = await SiteBuild.RunAsync(new BuildRequest
        {
            InputFolder = Path.Combine(SharedCorpus.RepositoryRoot, "input"),
            OutputFolder = folder["output"],
            ThemeFolder = TestTheme.Folder,
        });

        Assert.True(report.OutputWritten);
        // Every page, the search page with its noscript message included: no build pays for AngleSharp's CSP path.
        var leftToTheParser = AssertEveryPageScannedAsParsed(folder["output"], minimumScanned: 30);
        Assert.Equal(0, leftToTheParser);
    }

    [CorpusFact]
    public async Task Given_the_real_pages_When_built_Then_the_scanner_reads_every_page_as_the_DOM_does()
    {
        using var folder = new TempFolder();
        var report = await CorpusBuildTests.BuildCorpusAsync(folder);

        Assert.True(report.OutputWritten);
        AssertEveryPageScannedAsParsed(folder["output"], minimumScanned: 171);
    }

    /// <returns>How many pages the scanner left to the parser.</returns>
    private int AssertEveryPageScannedAsParsed(string outputFolder, int minimumScanned)
    {
        var scanned = 0;
        var parsed = 0;
        foreach (var file in Directory.EnumerateFiles(outputFolder, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            var fast = PageResourceScanner.TryRead(html, Origin, Mermaid);
            if (fast is null)
            {
                parsed++;
                output.WriteLine($"left to the parser: {Path.GetRelativePath(outputFolder, file)}");
                continue;
            }

            scanned++;
            AssertSame(PageResources.FromDom(html, Origin, Mermaid), fast, file);
        }

        output.WriteLine($"{scanned} pages scanned, {parsed} left to the parser");
        Assert.True(scanned >= minimumScanned, $"only {scanned} pages took the scanner");
        return parsed;
    }

    private static void AssertSame(PageResources expected, PageResources actual, string page)
    {
        Assert.True(expected.Scripts.SetEquals(actual.Scripts), $"scripts differ in {page}");
        Assert.True(expected.Styles.SetEquals(actual.Styles), $"styles differ in {page}");
        Assert.True(expected.Images.SetEquals(actual.Images), $"images differ in {page}");
        Assert.True(expected.Frames.SetEquals(actual.Frames), $"frames differ in {page}");
        Assert.True(expected.FormTargets.SetEquals(actual.FormTargets), $"form targets differ in {page}");
        Assert.True(expected.Connects.SetEquals(actual.Connects), $"connects differ in {page}");
        Assert.Equal(expected.InlineStyles, actual.InlineStyles);
    }
}
