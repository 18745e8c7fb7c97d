namespace Handbook.JobFamilies.Tests.Mermaid;

using Handbook.JobFamilies.Mermaid;
using Markdig;

public sealed class MermaidTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .Use(new MermaidExtension())
        .Build();

    [Fact]
    public void Mermaid_block_renders_as_pre_mermaid_with_the_code_escaped()
    {
        var html = Markdown.ToHtml("```mermaid\ngraph LR;\n  a(Clerk & Co)-->b[\"<i>Lead</i>\"];\n```\n", Pipeline);

        Assert.Equal("<pre class=\"mermaid\">graph LR;\n  a(Clerk &amp; Co)--&gt;b[&quot;&lt;i&gt;Lead&lt;/i&gt;&quot;];\n</pre>\n", html);
    }

    [Fact]
    public void Other_code_blocks_render_as_usual()
    {
        var html = Markdown.ToHtml("```ruby\nputs 1 < 2\n```\n\n    indented\n", Pipeline);

        Assert.Equal("<pre><code class=\"language-ruby\">puts 1 &lt; 2\n</code></pre>\n<pre><code>indented\n</code></pre>\n", html);
    }

    [Fact]
    public void Click_targets_are_found_with_their_positions_and_comments_are_skipped()
    {
        var document = Markdown.Parse(
            "Intro\n\n```mermaid\ngraph LR;\n  lead:one(One)-->lead:two(Two);\n  click lead:one \"/job-families/one/\";\n" +
            "  %% click lead:two \"/job-families/hidden/\"\n  click lead:two href \"https://example.com/two\" \"Tip\" _blank\n" +
            "  click lead:three call notify()\n```\n",
            Pipeline);

        var links = MermaidLinks.Find(document);

        Assert.Equal(
            [new MermaidLink("lead:one", "/job-families/one/", 5, 18), new MermaidLink("lead:two", "https://example.com/two", 7, 23)],
            links);
    }

    [Fact]
    public void Code_fences_in_other_languages_have_no_links()
    {
        var document = Markdown.Parse("```text\nclick a \"/x\"\n```\n", Pipeline);

        Assert.Empty(MermaidLinks.Find(document));
        Assert.False(MermaidBlocks.Any(document));
    }
}
