namespace Handbook.JobFamilies.Tests.Sanitizing;

using System.Buffers;
using System.Text;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Kramdown;
using Handbook.JobFamilies.Markdown;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Sanitizing;
using Handbook.JobFamilies.Tests.Erb;
using Handbook.Testing;
using Markdig;
using Markdig.Syntax;
using Xunit.Abstractions;

/// <summary>
/// <see cref="ContentSanitizer.Sanitize(MarkdownDocument, string)"/> gives the same text as the full sanitizer on
/// every page, whichever path it takes: on random pages, on the real corpus and on the hostile fixture, which must
/// take the full path.
/// </summary>
public sealed class SanitizerFastPathTests(ITestOutputHelper output)
{
    private static readonly MarkdownPipeline Pipeline =
        JobFamilyMarkdown.CreatePipeline([new KramdownExtension(), new ExtendsMarkdownExtension(), new MermaidExtension()]);

    private static readonly string[] Pieces =
    [
        "# Head\n", "## Job Grade\u00A0\n", "text ", "\"quoted\" ", "it's ", "a & b ", "1 < 2 > 0 ", "&copy; ", "&#39; ", "&nbsp; ",
        "&amp;{x} ", "*em* ", "**strong** ", "~~del~~ ", "`code \"q\" <T>` ", "\\<escaped> ", "\n", "\n\n", "- item\n", "  - nested\n",
        "1. first\n", "> quote\n", "---\n", "line  \nbreak ", "[rel](/job-families/x/ \"title\") ", "[abs](https://x.example/a?b=1&c=2) ",
        "[mail](mailto:a@b.c) ", "[js](javascript:alert(1)) ", "[odd](a?b:c) ", "![img](/a.png \"t\") ", "![data](data:image/png;base64,AA) ",
        "<https://auto.example/x> ", "www.example.com ", "<span class=\"x\">", "</span>", "<em>", "</em>", "<br>", "<br/>", "<b>bold</b> ",
        "<div>block</div>\n", "<!-- c -->", "<p>raw</p>", "<a href=\"/x\">a</a>", "<a name=\"n\"></a>", "<script>x</script>",
        "<span style=\"text-decoration:underline;\">u</span>", "<Speciality> ", "| a | b |\n|---|:--|\n| 1 | 2 |\n", "\n| l | c | r |\n|:--|:-:|--:|\n| \"1\" | 2 | 3 |\n", "\n```\ncode \"x\"\n```\n",
        "\n```mermaid\ngraph LR;\n  a-->b\n```\n", "{: .cls #id}\n", "{::nomarkdown}<i>n</i>{:/nomarkdown}\n", "\u00A0", "'", "\"",
        "\n<!-- blank line -->\n<figure class=\"video_container\">\n  <iframe src=\"https://www.youtube.com/embed/a\" frameborder=\"0\" allowfullscreen=\"true\"> </iframe>\n</figure>\n<!-- blank line -->\n",
        "\n<iframe width=\"560\" src=\"https://www.youtube.com/embed/b\" allow=\"autoplay; encrypted-media\" allowfullscreen></iframe>\n",
        "\n<iframe src=\"https://evil.example/embed/c\"></iframe>\n", "\n<table>\n<tr><td>x</td></tr>\n</table>\n", "\n<div>\n\n*md* in div\n\n</div>\n",
        "<span  style=\"text-decoration:underline;\">", "### <a name=\"Anchor\"></a>Head\n", "<X> ", "<!-- a -- b -->", "\n<details open>\n<summary>s</summary>\n\nbody\n</details>\n",
    ];

    [Fact]
    public void Random_pages_give_the_full_sanitizers_text_on_either_path()
    {
        var random = new Random(9);
        var fast = 0;
        for (var i = 0; i < 600; i++)
        {
            // Given a page of random Markdown pieces, rendered by the site's pipeline
            var markdown = new StringBuilder();
            for (var k = random.Next(1, 10); k > 0; k--)
            {
                markdown.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var document = JobFamilyMarkdown.Parse(markdown.ToString(), Pipeline);
            var html = JobFamilyMarkdown.RenderHtml(document, Pipeline);

            // When it is sanitized with its AST, Then the text is the full sanitizer's (also rendered into a buffer, as UTF-8)
            Assert.Equal(ContentSanitizer.Sanitize(html), ContentSanitizer.Sanitize(document, html));
            Assert.Equal(Encoding.UTF8.GetBytes(ContentSanitizer.Sanitize(html)), SanitizedFromBuffer(document));
            Assert.Equal(ContentSanitizer.Sanitize(html), SanitizedIntoBuffer(document));
            fast += TakesFastPath(document, html) ? 1 : 0;
        }

        output.WriteLine($"{fast} of 600 random pages took the fast path");
        Assert.InRange(fast, 100, 500); // the test exercises both paths
    }

    [Fact]
    public void Nomarkdown_blocks_take_the_full_path_and_html_blocks_are_left_to_the_scanner()
    {
        // Given pages with a {::nomarkdown} block, an HTML block (an embed with comments), inline HTML and a comment
        var nomarkdown = JobFamilyMarkdown.Parse("text\n\n{::nomarkdown}<i>n</i>{:/nomarkdown}\n", Pipeline);
        var block = JobFamilyMarkdown.Parse(
            "text\n\n<!-- blank line -->\n<figure class=\"video_container\">\n  <iframe src=\"https://www.youtube.com/embed/a\" frameborder=\"0\" allowfullscreen=\"true\"> </iframe>\n</figure>\n<!-- blank line -->\n\nmore\n",
            Pipeline);
        var inline = JobFamilyMarkdown.Parse("text <span class=\"x\">y</span> and <em>z</em>\n", Pipeline);
        var comment = JobFamilyMarkdown.Parse("text <!-- note --> more <Speciality> Evangelist\n", Pipeline);

        // Then only the nomarkdown page is sent to the full sanitizer by its AST, and the others take the fast path
        Assert.False(RawHtmlScope.HasNoNomarkdownBlock(nomarkdown));
        Assert.False(TakesFastPath(nomarkdown, JobFamilyMarkdown.RenderHtml(nomarkdown, Pipeline)));
        foreach (var document in new[] { block, inline, comment })
        {
            var html = JobFamilyMarkdown.RenderHtml(document, Pipeline);
            Assert.True(TakesFastPath(document, html), html);
            Assert.Equal(ContentSanitizer.Sanitize(html), ContentSanitizer.Sanitize(document, html));
        }
    }

    [Fact]
    public void Every_hostile_fixture_page_with_markup_to_remove_takes_the_full_path()
    {
        var folder = Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Handbook.Site.Tests", "Fixtures", "hostile-site");
        var pages = Directory.GetFiles(folder, "*.md*", SearchOption.AllDirectories);
        Assert.NotEmpty(pages);
        foreach (var path in pages)
        {
            var document = JobFamilyMarkdown.Parse(File.ReadAllText(path), Pipeline);
            var html = JobFamilyMarkdown.RenderHtml(document, Pipeline);

            // The one page whose only markup is a placeholder tag ("Q&A <Tester>", dropped as the sanitizer drops it)
            // may take the fast path; every page with scripts, handlers, bad schemes or foreign iframes must not.
            var onlyPlaceholder = Path.GetFileName(path) == "q&a-tester.md";
            Assert.Equal(onlyPlaceholder, TakesFastPath(document, html));
            Assert.Equal(ContentSanitizer.Sanitize(html), ContentSanitizer.Sanitize(document, html));
            Assert.Equal(Encoding.UTF8.GetBytes(ContentSanitizer.Sanitize(html)), SanitizedFromBuffer(document));
            Assert.Equal(ContentSanitizer.Sanitize(html), SanitizedIntoBuffer(document));
        }
    }

    [CorpusFact]
    public void Real_pages_give_the_full_sanitizers_text_and_most_take_the_fast_path()
    {
        var fast = 0;
        var pages = 0;
        foreach (var page in CorpusPages.All())
        {
            var document = JobFamilyMarkdown.Parse(page.Markdown, Pipeline);
            var html = JobFamilyMarkdown.RenderHtml(document, Pipeline);

            Assert.Equal(ContentSanitizer.Sanitize(html), ContentSanitizer.Sanitize(document, html));
            Assert.Equal(Encoding.UTF8.GetBytes(ContentSanitizer.Sanitize(html)), SanitizedFromBuffer(document));
            Assert.Equal(ContentSanitizer.Sanitize(html), SanitizedIntoBuffer(document));
            pages++;
            fast += TakesFastPath(document, html) ? 1 : 0;
        }

        output.WriteLine($"{fast} of {pages} real pages took the fast path");
        Assert.True(fast * 2 > pages, $"only {fast} of {pages} real pages took the fast path");
    }

    // The one-shot build's path: rendered into a reused buffer (dirty from a previous page), sanitised into UTF-8.
    private static byte[] SanitizedFromBuffer(MarkdownDocument document)
    {
        var buffer = new HtmlBufferWriter();
        buffer.Write("<p>left over from another page</p>\n");
        buffer.Clear();
        JobFamilyMarkdown.RenderHtml(document, Pipeline, buffer);
        return ContentSanitizer.SanitizeToUtf8(document, buffer.Written);
    }

    // A deferred body's path: rendered into a reused buffer, sanitised into another (both dirty from a previous page).
    private static string SanitizedIntoBuffer(MarkdownDocument document)
    {
        var buffer = new HtmlBufferWriter();
        buffer.Write("<p>left over from another page</p>\n");
        buffer.Clear();
        JobFamilyMarkdown.RenderHtml(document, Pipeline, buffer);
        var destination = new ArrayBufferWriter<char>(8);
        destination.Write("<p>left over</p>");
        return ContentSanitizer.SanitizeInto(document, buffer.Written, destination).ToString();
    }

    private static bool TakesFastPath(MarkdownDocument document, string html) =>
        RawHtmlScope.HasNoNomarkdownBlock(document) && SanitizedSerialization.TryNormalize(html) is not null;
}
