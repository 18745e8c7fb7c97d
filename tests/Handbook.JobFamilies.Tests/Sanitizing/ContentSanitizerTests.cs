namespace Handbook.JobFamilies.Tests.Sanitizing;

using Handbook.JobFamilies.Sanitizing;

public sealed class ContentSanitizerTests
{
    [Theory]
    [InlineData("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>")]
    [InlineData("<p onclick=\"x()\" onmouseover=\"y()\">t</p>", "<p>t</p>")]
    [InlineData("<p data-track=\"1\" aria-live=\"polite\">t</p>", "<p>t</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">go</a>", "<a>go</a>")]
    [InlineData("<a href=\" JaVaScRiPt:alert(1)\">go</a>", "<a>go</a>")]
    [InlineData("<a href=\"vbscript:msgbox\">go</a>", "<a>go</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"x\">", "<img alt=\"x\">")]
    [InlineData("<base href=\"https://evil.example/\"><p>x</p>", "<p>x</p>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"><p>x</p>", "<p>x</p>")]
    [InlineData("<object data=\"x.swf\">fallback</object><embed src=\"y\">", "")]
    [InlineData("<form action=\"/steal\"><input name=\"p\"><button>Send</button></form>", "")]
    [InlineData("<svg><script>alert(1)</script><a xlink:href=\"javascript:x\">t</a></svg>ok", "ok")]
    [InlineData("<span style=\"width: expression(alert(1))\">x</span>", "<span>x</span>")]
    [InlineData("<span style=\"background:url(javascript:alert(1))\">x</span>", "<span>x</span>")]
    [InlineData("<iframe src=\"https://evil.example/embed/x\"></iframe>", "")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;x&lt;/script&gt;\"></iframe>", "")]
    [InlineData("<p>a<!-- hidden note -->b</p>", "<p>ab</p>")]
    [InlineData("<center>old <font color=\"red\">style</font></center>", "old style")]
    public void Dangerous_or_disallowed_markup_is_removed(string input, string expected)
    {
        Assert.Equal(expected, ContentSanitizer.Sanitize(input));
    }

    [Theory]
    [InlineData("<figure class=\"video_container\"><iframe src=\"https://www.youtube.com/embed/abc\" frameborder=\"0\" allowfullscreen=\"true\"></iframe></figure>")]
    [InlineData("<iframe src=\"https://player.vimeo.com/video/1\" width=\"560\" height=\"315\"></iframe>")]
    [InlineData("<h3 id=\"x\"><a name=\"Gitaly\"></a>Cluster</h3>")]
    [InlineData("<p>line<br>break <span>u</span></p>")]
    [InlineData("<table><thead><tr><th>n</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>")]
    [InlineData("<a href=\"mailto:jobs@example.com\">mail</a> <a href=\"/job-families/x/#y\">rel</a> <a href=\"#top\">top</a>")]
    [InlineData("<pre class=\"mermaid\">graph LR;\n  a--&gt;b</pre>")]
    [InlineData("<div class=\"extends-choice\" role=\"group\" aria-label=\"Inherits\"><details class=\"extends-alternative\" data-inherited-from=\"/job-families/x/#y\"><summary>x</summary></details></div>")]
    [InlineData("<ul id=\"markdown-toc\" class=\"hidden-md\"><li><a href=\"#a\" id=\"markdown-toc-a\">A</a></li></ul>")]
    public void Allowed_markup_of_real_pages_is_kept_as_is(string html)
    {
        Assert.Equal(html, ContentSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<th style=\"text-align: right;\">n</th>", "<th style=\"text-align: right\">n</th>")]
    [InlineData("<span style=\"text-decoration:underline;\">u</span>", "<span style=\"text-decoration-line: underline\">u</span>")]
    [InlineData("<span style=\"position: fixed; top: 0; text-align: center\">u</span>", "<span style=\"text-align: center\">u</span>")]
    public void Style_keeps_only_the_allowed_properties_in_normal_form(string input, string expected)
    {
        var html = input.StartsWith("<th", StringComparison.Ordinal) ? $"<table><tbody><tr>{input}</tr></tbody></table>" : input;

        Assert.Contains(expected, ContentSanitizer.Sanitize(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Name_is_kept_on_anchors_only()
    {
        Assert.Equal("<a name=\"x\"></a><img alt=\"y\">", ContentSanitizer.Sanitize("<a name=\"x\"></a><img name=\"cookie\" alt=\"y\">"));
    }

    [Fact]
    public void Escaped_text_stays_text()
    {
        Assert.Equal("<p>&lt;Speciality&gt; Evangelist</p>", ContentSanitizer.Sanitize("<p>&lt;Speciality&gt; Evangelist</p>"));
    }

    [Fact]
    public void Sanitizing_pages_in_parallel_gives_the_same_result_as_one_at_a_time()
    {
        const string html = "<p onclick=\"x\">a <span style=\"text-align:center\">b</span><script>c</script></p><iframe src=\"https://www.youtube.com/embed/z\"></iframe>";
        var expected = ContentSanitizer.Sanitize(html);
        var results = new string[64];

        Parallel.For(0, results.Length, i => results[i] = ContentSanitizer.Sanitize(html));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
