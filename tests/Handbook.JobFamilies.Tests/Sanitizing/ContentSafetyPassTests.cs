namespace Handbook.JobFamilies.Tests.Sanitizing;

using Handbook.JobFamilies.Kramdown;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Sanitizing;
using Handbook.Pipeline.Diagnostics;
using Markdig;

public sealed class ContentSafetyPassTests
{
    private static readonly MarkdownPipeline Pipeline = JobFamilyMarkdown.CreatePipeline([new KramdownExtension()]);

    private readonly List<Diagnostic> _diags = [];

    private string Check(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        ContentSafetyPass.Check(document, (l, c) => SourceLocation.FromZeroBased("page.md", l, c), _diags);
        return ContentSanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    private (string Code, int Line, int Column) Only() =>
        Assert.Single(_diags) is var d ? (d.Code, d.Location.Line, d.Location.Column) : default;

    [Fact]
    public void Script_block_is_HTML001_at_its_line()
    {
        var html = Check("# T\n\n<script>alert(1)</script>\n\nafter\n");

        Assert.Equal((HtmlCodes.DangerousElement, 3, 1), Only());
        Assert.Contains("`<script>`", _diags[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_handler_inside_an_html_block_is_HTML002_at_the_element()
    {
        var html = Check("<div>\n  <p onclick=\"steal()\">t</p>\n</div>\n");

        Assert.Equal((HtmlCodes.ScriptAttribute, 2, 3), Only());
        Assert.Contains("`onclick`", _diags[0].Message, StringComparison.Ordinal);
        Assert.Equal("<div>\n  <p>t</p>\n</div>\n", html);
    }

    [Fact]
    public void Event_handler_on_an_inline_tag_is_HTML002_at_the_tag()
    {
        Check("Hello <span onmouseover=\"x()\">there</span>.\n");

        Assert.Equal((HtmlCodes.ScriptAttribute, 1, 7), Only());
    }

    [Theory]
    [InlineData("See [this](javascript:alert(1)) now.", 1, 5, "link `javascript:alert(1)`")]
    [InlineData("Pic:\n![i](data:image/png;base64,AAAA)", 2, 1, "image source `data:image/png;base64,AAAA`")]
    [InlineData("Go <javascript:alert(1)>", 1, 4, "link `javascript:alert(1)`")]
    [InlineData("[ref]\n\n[ref]: vbscript:msgbox", 1, 1, "link `vbscript:msgbox`")]
    public void Unsafe_urls_in_markdown_links_are_HTML003(string markdown, int line, int column, string named)
    {
        var html = Check(markdown + "\n");

        Assert.Equal((HtmlCodes.UnsafeUrl, line, column), Only());
        Assert.StartsWith(named, _diags[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"vbscript", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"data", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Iframe_from_another_host_is_HTML004_and_youtube_embeds_pass()
    {
        var html = Check(
            "<figure class=\"video_container\">\n  <iframe src=\"https://www.youtube.com/embed/abc\" frameborder=\"0\" allowfullscreen=\"true\"> </iframe>\n</figure>\n\n" +
            "<iframe src=\"https://tracker.example/embed/1\"></iframe>\n");

        Assert.Equal((HtmlCodes.IframeNotAllowed, 5, 1), Only());
        Assert.Contains("https://www.youtube.com/embed/abc", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Stray_tag_in_text_is_shown_as_text_with_HTML005()
    {
        var html = Check("Titles will be <Speciality> Evangelist.\n");

        Assert.Equal((HtmlCodes.StrayTag, 1, 16), Only());
        Assert.Contains("backticks", _diags[0].Hint, StringComparison.Ordinal);
        Assert.Equal("<p>Titles will be &lt;Speciality&gt; Evangelist.</p>\n", html);
    }

    [Fact]
    public void Known_but_disallowed_tag_is_HTML006_and_keeps_its_text()
    {
        var html = Check("Some <font color=\"red\">red</font> words.\n");

        Assert.Equal((HtmlCodes.TagNotAllowed, 1, 6), Only());
        Assert.Equal("<p>Some red words.</p>\n", html);
    }

    [Fact]
    public void Style_with_a_script_url_is_HTML007()
    {
        Check("<span style=\"background:url(javascript:alert(1))\">x</span>\n");

        Assert.Equal((HtmlCodes.UnsafeStyle, 1, 1), Only());
    }

    [Fact]
    public void Nomarkdown_content_is_checked_like_html()
    {
        Check("Intro\n\n{::nomarkdown}\n<p>ok</p>\n<object data=\"x\"></object>\n{:/nomarkdown}\n");

        Assert.Equal((HtmlCodes.DangerousElement, 5, 1), Only());
    }

    [Fact]
    public void Meta_refresh_is_named_in_the_message()
    {
        Check("<meta http-equiv=\"refresh\" content=\"0;url=https://x.example\">\n");

        Assert.Contains("http-equiv=\"refresh\"", Assert.Single(_diags).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_real_pages_use_raises_nothing()
    {
        var html = Check(
            "<!-- blank line -->\n### <a name=\"Gitaly\"></a>Cluster\n\n| a <br> b | c |\n|---|---|\n| 1 | 2 |\n\n" +
            "* <span style=\"text-decoration:underline;\">[Billable](/x/#y)</span> target\n\n[mail](mailto:a@b.example) [web](https://example.com) <https://example.com/auto>\n");

        Assert.Empty(_diags);
        Assert.Contains("<a name=\"Gitaly\"></a>Cluster", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blank line", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_block_is_HTML001_at_its_tag_although_the_parser_keeps_no_source_for_it()
    {
        var html = Check("Intro\n\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"steal()\">\n<circle r=\"2\"/>\n</svg>\n");

        Assert.Equal((HtmlCodes.DangerousElement, 3, 1), Only());
        Assert.Contains("`<svg>`", _diags[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("steal", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_svg_and_math_are_HTML001_at_their_columns()
    {
        var html = Check("Text <svg onload=\"steal()\"></svg> and <math></math> end\n");

        Assert.Equal(
            [(HtmlCodes.DangerousElement, 1, 6), (HtmlCodes.DangerousElement, 1, 39)],
            _diags.Select(d => (d.Code, d.Location.Line, d.Location.Column)));
        Assert.DoesNotContain("steal", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_tag_written_in_a_page_has_its_handler_reported_and_the_implied_frame_is_not()
    {
        var html = Check("<body onload=\"steal()\">\n\n<div>plain</div>\n");

        Assert.Equal(
            [(HtmlCodes.ScriptAttribute, 1, 1), (HtmlCodes.TagNotAllowed, 1, 1)],
            _diags.Select(d => (d.Code, d.Location.Line, d.Location.Column)).Order());
        Assert.DoesNotContain("steal", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Titles will be <Speciality> Evangelist.\n")]
    [InlineData("A <Role-Name>, a </Level> and <Team member> in one line;\n\n- <Speciality> in a bullet\n")]
    [InlineData("Known <em>tags</em>, <!-- a comment --> and <font color=\"red\">red</font> stay; <Placeholder> goes.\n")]
    [InlineData("| a | b |\n|---|---|\n| <Speciality> | <b>bold</b> |\n\n<div>\n<Speciality>\n</div>\n")]
    public void Showing_stray_tags_as_text_changes_the_page_exactly_as_the_full_check_does(string markdown)
    {
        // Given the same page parsed twice
        var checkedDocument = Markdown.Parse(markdown, Pipeline);
        var shownDocument = Markdown.Parse(markdown, Pipeline);

        // When one goes through the whole pass and the other through its one change only
        ContentSafetyPass.Check(checkedDocument, (l, c) => SourceLocation.FromZeroBased("page.md", l, c), _diags);
        ContentSafetyPass.ShowStrayTagsAsText(shownDocument);

        // Then both render and sanitise to the same HTML (the full pass is the oracle), and the placeholder shows as text
        var expected = ContentSanitizer.Sanitize(checkedDocument.ToHtml(Pipeline));
        Assert.Equal(expected, ContentSanitizer.Sanitize(shownDocument.ToHtml(Pipeline)));
        Assert.Contains("&lt;", expected, StringComparison.Ordinal);
    }
}
