namespace Handbook.JobFamilies.Tests.Mermaid;

using Handbook.JobFamilies.Mermaid;
using Markdig;

/// <summary>A ladder diagram's click targets are also listed as plain links below it, for readers without JavaScript.</summary>
public sealed class MermaidDiagramLinksTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Use(new MermaidExtension()).Build();

    [Fact]
    public void Given_a_diagram_with_click_targets_When_rendered_Then_each_target_is_listed_below_it_under_its_node_label()
    {
        var html = Markdown.ToHtml(
            "```mermaid\ngraph LR;\n  eng:jr(Junior Baker)-->eng:sr[\"Head & Baker\"];\n  click eng:jr \"/job-families/kitchen/baker/\";\n"
            + "  click eng:sr href \"/job-families/kitchen/head-baker/#head\"\n  %% click eng:x \"/job-families/hidden/\"\n  click eng:sr call notify()\n```\n",
            Pipeline);

        var list = html[html.IndexOf("</pre>", StringComparison.Ordinal)..];
        Assert.Equal(
            "</pre>\n<div class=\"diagram-links\"><p>Links in this diagram:</p><ul>\n"
            + "<li><a href=\"/job-families/kitchen/baker/\">Junior Baker</a></li>\n"
            + "<li><a href=\"/job-families/kitchen/head-baker/#head\">Head &amp; Baker</a></li>\n"
            + "</ul></div>\n",
            list);
    }

    [Fact]
    public void Given_a_node_without_a_label_When_rendered_Then_the_link_is_named_after_the_node_id()
    {
        var html = Markdown.ToHtml("```mermaid\ngraph LR;\n  lead-->next;\n  click next \"/job-families/next/\"\n```\n", Pipeline);

        Assert.Contains("<li><a href=\"/job-families/next/\">next</a></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_diagram_without_links_When_rendered_Then_nothing_is_added()
    {
        var html = Markdown.ToHtml("```mermaid\ngraph LR;\n  a(One)-->b(Two);\n```\n", Pipeline);

        Assert.DoesNotContain("diagram-links", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_hostile_diagram_When_rendered_Then_it_finishes_quickly_and_lists_at_most_100_links()
    {
        var lines = string.Concat(Enumerable.Range(0, 3000).Select(i => $"  n{i}(((((((((((((((((((((((((((((((((((((((((((((((((\n  click n{i} \"/job-families/x{i}/\"\n"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var html = Markdown.ToHtml("```mermaid\ngraph LR;\n" + lines + "```\n", Pipeline);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(100, html.Split("<li>").Length - 1);
    }
}
