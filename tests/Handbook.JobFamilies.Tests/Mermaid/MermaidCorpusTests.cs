namespace Handbook.JobFamilies.Tests.Mermaid;

using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Tests.Erb;
using Handbook.Testing;
using Markdig;
using Xunit.Abstractions;

public sealed class MermaidCorpusTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Career_ladder_diagrams_render_and_their_click_targets_are_found()
    {
        var pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Use(new MermaidExtension()).Build();
        var diagrams = 0;
        var links = new List<(string Page, MermaidLink Link)>();
        foreach (var page in CorpusPages.All())
        {
            var document = Markdown.Parse(page.Markdown, pipeline);
            var html = document.ToHtml(pipeline);
            diagrams += html.Split("<pre class=\"mermaid\">").Length - 1;
            Assert.DoesNotContain("language-mermaid", html, StringComparison.Ordinal);
            links.AddRange(MermaidLinks.Find(document).Select(l => (page.InputPath, l)));
        }

        foreach (var (page, link) in links)
        {
            output.WriteLine($"{page}:{link.Line + 1}:{link.Column + 1}: {link.Node} -> {link.Url}");
        }

        Assert.Equal(13, diagrams);
        Assert.Equal(
            ["/job-families/engineering/development/frontend/manager/", "/job-families/engineering/development/backend/manager/",
             "/job-families/engineering/development/management/fullstack-manager/", "/job-families/engineering/development/management/director/"],
            links.Select(l => l.Link.Url).ToArray());
    }
}
