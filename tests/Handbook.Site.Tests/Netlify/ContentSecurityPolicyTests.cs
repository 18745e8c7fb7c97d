namespace Handbook.Site.Tests.Netlify;

using Handbook.Site.Security;

/// <summary>The CSP allows what the pages load, and nothing they do not.</summary>
public class ContentSecurityPolicyTests
{
    private static readonly IReadOnlySet<string> Mermaid = new HashSet<string> { "/assets/vendor/mermaid/mermaid.min.js" };

    private static string PolicyOf(params string[] bodies) =>
        ContentSecurityPolicy.For(bodies.Select(b => PageResources.Of(Page(b), "https://handbook.example.com", Mermaid)));

    private static string Page(string body) =>
        $"<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>{body}</body></html>";

    [Fact]
    public void A_plain_page_gets_the_strictest_policy()
    {
        Assert.Equal(
            "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            PolicyOf("<p>text</p>"));
    }

    [Fact]
    public void The_mermaid_bundle_allows_self_scripts_and_inline_styles()
    {
        var policy = PolicyOf("<script src=\"/assets/vendor/mermaid/mermaid.min.js\" defer></script><pre class=\"mermaid\">graph TD; A--&gt;B</pre>");

        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self' 'unsafe-inline';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_self_script_does_not_allow_inline_styles()
    {
        var policy = PolicyOf("<script src=\"/assets/search.js\"></script>");

        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_style_attribute_allows_inline_styles()
    {
        Assert.Contains("style-src 'self' 'unsafe-inline';", PolicyOf("<table><tr><td style=\"text-align: right\">1</td></tr></table>"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_script_is_allowed_by_its_hash_only()
    {
        var policy = PolicyOf("<script>document.documentElement.className = 'js';</script>", "<script type=\"application/ld+json\">{}</script>");

        Assert.Contains($"script-src {PageResources.HashOf("document.documentElement.className = 'js';")};", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_videos_allow_exactly_their_origins_in_frame_src()
    {
        var policy = PolicyOf(
            "<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>",
            "<iframe src=\"https://player.vimeo.com/video/1\"></iframe><iframe src=\"https://www.youtube.com/embed/def\"></iframe>");

        Assert.Contains("frame-src https://player.vimeo.com https://www.youtube.com;", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void External_images_add_their_origin_and_own_absolute_urls_count_as_self()
    {
        var policy = PolicyOf("<img src=\"https://cdn.example.org/a.png\"><img src=\"https://handbook.example.com/b.png\"><img src=\"c.png\">");

        Assert.Contains("img-src 'self' https://cdn.example.org;", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Headers_file_applies_to_every_path_with_the_three_headers()
    {
        var file = SecurityHeaders.File("default-src 'none'");

        Assert.Contains("/*\n  Content-Security-Policy: default-src 'none'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n", file, StringComparison.Ordinal);
    }
}
