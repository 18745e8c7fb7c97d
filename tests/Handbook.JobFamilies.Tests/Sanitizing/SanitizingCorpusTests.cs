namespace Handbook.JobFamilies.Tests.Sanitizing;

using Handbook.JobFamilies.Kramdown;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Sanitizing;
using Handbook.JobFamilies.Tests.Erb;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Markdig;
using Xunit.Abstractions;

public sealed class SanitizingCorpusTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void Policy_keeps_the_real_pages_embeds_and_reports_only_real_defects()
    {
        var pipeline = JobFamilyMarkdown.CreatePipeline([new KramdownExtension(), new MermaidExtension()]);
        var diags = new List<Diagnostic>();
        var iframes = 0;
        var anchors = 0;
        foreach (var page in CorpusPages.All())
        {
            var document = Markdown.Parse(page.Markdown, pipeline);
            var before = diags.Count;
            ContentSafetyPass.Check(document, (l, c) => SourceLocation.FromZeroBased(page.InputPath, l, c), diags);
            var rendered = document.ToHtml(pipeline);
            var html = ContentSanitizer.Sanitize(rendered);

            iframes += html.Split("<iframe ").Length - 1;
            Assert.Equal(html.Split("<iframe ").Length, html.Split("src=\"https://www.youtube.com/embed/").Length);
            anchors += html.Split("<a name=\"").Length - 1 + html.Split("<a id=\"").Length - 1;
            Assert.Equal(html.Split("<pre class=\"mermaid\">").Length, rendered.Split("<pre class=\"mermaid\">").Length);
            if (diags.Count > before)
            {
                output.WriteLine($"{page.InputPath}: {diags.Count - before} warning(s)");
            }
        }

        foreach (var d in diags)
        {
            output.WriteLine(d.Format());
        }

        Assert.Equal(9, iframes);
        Assert.Equal(6, anchors);
        var only = Assert.Single(diags);
        Assert.Equal((HtmlCodes.StrayTag, "job-families/marketing/community-programs/index.html.md"), (only.Code, only.Location.Path));
    }
}
