namespace Handbook.JobFamilies.Tests.Sanitizing;

using Handbook.JobFamilies.Sanitizing;

/// <summary>
/// The fast path of sanitizing: HTML our renderers write is respelled exactly as the sanitizer's parse-and-serialise
/// round trip would write it, and anything the sanitizer would change or decide on is refused (null), so the caller
/// takes the full sanitizer.
/// </summary>
public sealed class SanitizedSerializationTests
{
    [Theory]
    [InlineData("<p>He said &quot;hi&quot; &amp; left &lt;3 &gt; 2</p>\n")]
    [InlineData("<p>a<br />\nb</p>\n<hr />\n")]
    [InlineData("<p><img src=\"/a.png\" alt=\"x &quot;y&quot; &amp; z\" /></p>\n")]
    [InlineData("<h2 id=\"job-grade\">Job Grade\u00A0</h2>\n")]
    [InlineData("<p>it&#39;s <span class=\"grade-title\">Sr &#x27;A&#x27; &#38; &#60;b&#62; &#160;</span></p>\n")]
    [InlineData("<p><a href=\"https://x.example/a?b=1&amp;c=2\" title=\"t &quot;q&quot;\">l</a> <a href=\"mailto:a@b.c\">m</a> <a href=\"#x\">y</a> <a href=\"../a/b:c\">z</a> <a href=\"\">e</a></p>\n")]
    [InlineData("<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1 &quot;x&quot;</td>\n</tr>\n</tbody>\n</table>\n")]
    [InlineData("<table>\n<thead>\n<tr>\n<th style=\"text-align: left;\">a</th>\n<th style=\"text-align: center;\">b</th>\n<th style=\"text-align: right;\">c</th>\n<th>d</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align: right;\">1</td>\n</tr>\n</tbody>\n</table>\n")]
    [InlineData("<pre><code class=\"language-ruby\">x = &quot;1&quot;\n\n</code></pre>\n<pre class=\"mermaid\">graph LR;\n  a--&gt;b\n</pre>\n")]
    [InlineData("<div class=\"extends-choice\" role=\"group\" aria-label=\"Inherits from one of these roles\">\n<details class=\"extends-alternative\" data-inherited-from=\"/job-families/x/#y\">\n<summary>X</summary>\n</details>\n</div>\n")]
    [InlineData("<ul>\n<li>x <span class=\"inherited-from\">(from <a href=\"/x/\">X</a>)</span>\n<ul>\n<li><p>y</p></li>\n</ul>\n</li>\n</ul>\n<ol start=\"3\">\n<li>z</li>\n</ol>\n")]
    [InlineData("<p>x\u00A0y <a href=\"/a\" title=\"b\u00A0c\">d</a> <code>&lt;T&gt;</code> <em>e</em><strong>s</strong><del>d</del></p>\n")]
    [InlineData("<blockquote>\n<p>q</p>\n</blockquote>\n<dl>\n<dt>t</dt>\n<dd>d</dd>\n</dl>\n")]
    [InlineData("")]
    public void Own_markup_is_respelled_exactly_as_the_sanitizer_serialises_it(string html)
    {
        // Given HTML as the site's Markdig renderers write it
        // When it takes the fast path
        var fast = SanitizedSerialization.TryNormalize(html);

        // Then it is taken, and gives the bytes of the full sanitizer (also when read from a buffer into UTF-8)
        Assert.NotNull(fast);
        Assert.Equal(ContentSanitizer.Sanitize(html), fast);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(ContentSanitizer.Sanitize(html)), SanitizedSerialization.TryNormalizeToUtf8(html));
    }

    [Theory]
    [InlineData("<!-- blank line -->\n<figure class=\"video_container\">\n  <iframe src=\"https://www.youtube.com/embed/abc\" frameborder=\"0\" allowfullscreen=\"true\"> </iframe>\n</figure>\n<!-- blank line -->\n<p>x</p>\n")]
    [InlineData("<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/x_Y-1\" frameborder=\"0\" allow=\"accelerometer; autoplay; picture-in-picture\" allowfullscreen></iframe>\n")]
    [InlineData("<div><iframe src=\"https://player.vimeo.com/video/1\"></iframe><iframe src=\"https://www.youtube-nocookie.com/embed/a?start=3\" loading=\"lazy\">\n\t</iframe></div>")]
    [InlineData("<p>a<!-- c -->b<!---->c <!-- d --></p>\n<table>\n<!-- e -->\n<tbody>\n<tr><!-- f --><td>1</td></tr>\n</tbody>\n</table>\n")]
    [InlineData("<h3 id=\"cluster\"><a name=\"Gitaly\"></a>Cluster</h3>\n<p><a name=\"x\" href=\"#x\">a</a> <a name>b</a></p>\n")]
    [InlineData("<ul>\n<li><span style=\"text-decoration:underline;\">PSE:</span> <a href=\"/x\">y</a></li>\n<li><span  style=\"text-decoration:underline;\">T</span></li>\n</ul>\n")]
    [InlineData("<p  class=\"x\"   id=\"y\">t</p><img  src=\"/a.png\"  alt=\"\" /><br   />")]
    [InlineData("<details open>t</details><details class=\"x\" open><summary>s</summary></details>")]
    [InlineData("<p>The titles will be <Speciality> Evangelist (Ex: <em>Education</em> Evangelist).</p>\n<ul>\n<li>a <X> b <em>c <Y> d</em> e</li>\n</ul>\n")]
    [InlineData("<Note>\n<p>top-level stray <Remark> tag</p>\n<table>\n<tbody>\n<tr>\n<td>in a <Cell> cell</td>\n</tr>\n</tbody>\n</table>\n")]
    [InlineData("<h2>a <Grade> b</h2><blockquote><p><strong>q <Qx> r</strong></p></blockquote><dl><dt><Term>t</dt><dd>d</dd></dl>")]
    public void Raw_html_blocks_gitlabs_pages_write_are_respelled_exactly_as_the_sanitizer_serialises_them(string html)
    {
        // Given raw HTML as GitLab's pages write it in HTML blocks and inline: video embeds, comments, anchors,
        // underlined spans, extra spaces, valueless attributes, placeholders in angle brackets
        // When it takes the fast path
        var fast = SanitizedSerialization.TryNormalize(html);

        // Then it is taken, and gives the bytes of the full sanitizer (comments and unknown tags dropped as it drops them)
        Assert.NotNull(fast);
        Assert.Equal(ContentSanitizer.Sanitize(html), fast);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(ContentSanitizer.Sanitize(html)), SanitizedSerialization.TryNormalizeToUtf8(html));
    }

    [Fact]
    public void Html_needing_no_respelling_is_returned_as_is()
    {
        const string html = "<p>plain <a href=\"/x/\">text</a></p>\n";
        Assert.Same(html, SanitizedSerialization.TryNormalize(html));
    }

    [Theory]
    [InlineData("<p style=\"text-align: left;\">x</p>")] // style is rewritten by the CSS engine; only table alignments are known
    [InlineData("<table><tbody><tr><td style=\"text-align: justify;\">x</td></tr></tbody></table>")]
    [InlineData("<table><tbody><tr><td style=\"text-align: left; color: red\">x</td></tr></tbody></table>")]
    [InlineData("<table><tbody><tr><td style=\"text-align: left;\" style=\"x\">x</td></tr></tbody></table>")]
    [InlineData("<p><a href=\"javascript:alert(1)\">x</a></p>")]
    [InlineData("<p><a href=\" https://x.example\">x</a></p>")] // the sanitizer trims the URL
    [InlineData("<p><a href=\"a?b:c\">x</a></p>")] // HtmlSanitizer reads "a?b" as a scheme
    [InlineData("<p><a href=\"java&#x73;cript:x\">x</a></p>")]
    [InlineData("<p><img src=\"data:image/png;base64,AA\" alt=\"x\" /></p>")]
    [InlineData("<p title=\"&amp;{x}\">t</p>")]
    [InlineData("<p><a href=\"/a\"><a href=\"/b\">x</a></a></p>")]
    [InlineData("<p><div>x</div></p>")]
    [InlineData("<h2><p>x</p></h2>")]
    [InlineData("<ul><li>a<li>b</li></li></ul>")]
    [InlineData("<dl><dd>a<dt>b</dt></dd></dl>")]
    [InlineData("<table><tr><td>x</td></tr></table>")] // the parser adds tbody
    [InlineData("<td>x</td>")]
    [InlineData("<table>text<tbody></tbody></table>")]
    [InlineData("<P>x</P>")]
    [InlineData("<p>x</span>")]
    [InlineData("<p>x")]
    [InlineData("<p>x</p></p>")]
    [InlineData("<span onclick=\"x()\">t</span>")]
    [InlineData("<p data-track=\"1\">t</p>")]
    [InlineData("<p>&copy; &nbsp;</p>")]
    [InlineData("<p>&#0; &#x80; &#xD800;</p>")]
    [InlineData("<script>x</script>")]
    [InlineData("<center>x</center>")]
    [InlineData("<p>a<br/>b</p>")]
    [InlineData("<span />")]
    [InlineData("<p class='x'>t</p>")]
    [InlineData("<p class=x>t</p>")]
    [InlineData("<p class=\"a\" class=\"b\">t</p>")]
    [InlineData("<pre>\nx</pre>")]
    [InlineData("<p>a\r\nb</p>")]
    [InlineData("<p>a > b</p>")]
    [InlineData("<p title=\"a &lt; b\">t</p>")]
    [InlineData("<p>a & b</p>")]
    [InlineData("<iframe src=\"https://evil.example/embed/a\"></iframe>")] // another host: removed with its content
    [InlineData("<iframe src=\"http://www.youtube.com/embed/a\"></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube.com/watch?v=a\"></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/a&amp;b\"></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/a \"></iframe>")]
    [InlineData("<iframe></iframe>")]
    [InlineData("<iframe width=\"5\"></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/a\">x</iframe>")] // raw text content
    [InlineData("<iframe src=\"https://www.youtube.com/embed/a\"></iframe >")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/a\">")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/a\" srcdoc=\"x\"></iframe>")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/a\" />")]
    [InlineData("<p>a <iframe src=\"https://www.youtube.com/embed/a\"></iframe></p>")]
    [InlineData("<table><iframe src=\"https://www.youtube.com/embed/a\"></iframe><tbody></tbody></table>")]
    [InlineData("<IFRAME src=\"https://www.youtube.com/embed/a\"></IFRAME>")]
    [InlineData("<!-->")]
    [InlineData("<!--->")]
    [InlineData("<!-- a -- b -->")]
    [InlineData("<!-- a --!> b -->")]
    [InlineData("<!-- a <!-- b -->")]
    [InlineData("<!-- a > b -->")]
    [InlineData("<!-- a")]
    [InlineData("<!DOCTYPE html>")]
    [InlineData("<![CDATA[x]]>")]
    [InlineData("<pre><!-- c -->\nx</pre>")] // the newline after <pre> is dropped only when it comes first
    [InlineData("<pre><code><!-- c --></code></pre>")]
    [InlineData("<a name=\"x\" name=\"y\">t</a>")]
    [InlineData("<span name=\"x\">t</span>")]
    [InlineData("<img name=\"cookie\" alt=\"y\">")]
    [InlineData("<p style=\"text-decoration:underline;\">x</p>")]
    [InlineData("<span style=\"text-decoration: underline;\">x</span>")]
    [InlineData("<span style=\"text-decoration:underline\">x</span>")]
    [InlineData("<span style=\"text-decoration:underline;color:red\">x</span>")]
    [InlineData("<span style>x</span>")]
    [InlineData("<a href>x</a>")]
    [InlineData("<img src alt=\"x\">")]
    [InlineData("<a href=\"/x \">x</a>")] // the sanitizer reads URLs with whitespace itself
    [InlineData("<a href=\"/x\ny\">x</a>")]
    [InlineData("<p >x</p>")]
    [InlineData("<p\nclass=\"x\">x</p>")]
    [InlineData("<span onclick>t</span>")]
    [InlineData("<table><Foo><tbody></tbody></table>")] // moved in front of the table
    [InlineData("<table><tbody><tr><Foo><td>x</td></tr></tbody></table>")]
    [InlineData("<pre><Foo>\nx</pre>")]
    [InlineData("<p>a <Foo class=\"x\"> b</p>")]
    [InlineData("<p>a <Foo/> b</p>")]
    [InlineData("<p>a <Foo>b</Foo> c</p>")]
    [InlineData("<p>a <Foo-bar> b</p>")]
    [InlineData("<p>a <Foo1> b</p>")]
    [InlineData("<p>a <Center> b</p>")] // a known element: its own rules
    [InlineData("<p>a <xmp> b</p>")]
    [InlineData("<p>a <image> b</p>")]
    [InlineData("<p>a <plaintext> b</p>")]
    [InlineData("<p>a <Script> b</p>")]
    [InlineData("<p>a <svg> b</p>")]
    [InlineData("<p>a <nobr> b</p>")]
    [InlineData("<p>a <big> b</p>")]
    public void Html_the_sanitizer_would_change_or_decide_on_takes_the_full_path(string html)
    {
        Assert.Null(SanitizedSerialization.TryNormalize(html));
        Assert.Null(SanitizedSerialization.TryNormalizeToUtf8(html));
    }
}
