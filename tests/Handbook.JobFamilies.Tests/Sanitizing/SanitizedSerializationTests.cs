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
    [InlineData("<p>a<!-- c -->b</p>")]
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
    [InlineData("<iframe src=\"https://www.youtube.com/embed/a\"></iframe>")]
    [InlineData("<p>&copy; &nbsp;</p>")]
    [InlineData("<p>&#0; &#x80; &#xD800;</p>")]
    [InlineData("<a name=\"x\"></a>")]
    [InlineData("<script>x</script>")]
    [InlineData("<center>x</center>")]
    [InlineData("<p>a<br/>b</p>")]
    [InlineData("<span />")]
    [InlineData("<p class='x'>t</p>")]
    [InlineData("<p class=x>t</p>")]
    [InlineData("<p  class=\"x\">t</p>")]
    [InlineData("<p class=\"a\" class=\"b\">t</p>")]
    [InlineData("<details open>t</details>")]
    [InlineData("<pre>\nx</pre>")]
    [InlineData("<p>a\r\nb</p>")]
    [InlineData("<p>a > b</p>")]
    [InlineData("<p title=\"a &lt; b\">t</p>")]
    [InlineData("<p>a & b</p>")]
    public void Html_the_sanitizer_would_change_or_decide_on_takes_the_full_path(string html)
    {
        Assert.Null(SanitizedSerialization.TryNormalize(html));
        Assert.Null(SanitizedSerialization.TryNormalizeToUtf8(html));
    }
}
