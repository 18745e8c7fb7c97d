namespace Handbook.JobFamilies.Tests.Kramdown;

using Handbook.JobFamilies.Kramdown;
using Handbook.JobFamilies.Tests.Erb;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Markdig;
using Handbook.JobFamilies.Parsing;
using Xunit.Abstractions;

public sealed class KramdownCorpusTests(ITestOutputHelper output)
{
    private static readonly MarkdownPipeline Pipeline = JobFamilyMarkdown.CreatePipeline([new KramdownExtension()]);

    [CorpusFact]
    public void No_attribute_list_is_left_as_text_in_any_rendered_page()
    {
        var pages = 0;
        var tocs = 0;
        var diags = new List<Diagnostic>();
        foreach (var page in CorpusPages.All())
        {
            pages++;
            var document = Markdown.Parse(page.Markdown, Pipeline);
            KramdownFindings.Report(document, (l, c) => SourceLocation.FromZeroBased(page.InputPath, l, c), diags);
            var html = document.ToHtml(Pipeline);

            Assert.DoesNotContain("{:toc", html, StringComparison.Ordinal);
            Assert.DoesNotContain("{:.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("{: .", html, StringComparison.Ordinal);
            tocs += html.Contains("<ul id=\"markdown-toc\" class=\"hidden-md hidden-lg\">", StringComparison.Ordinal) ? 1 : 0;
        }

        foreach (var d in diags)
        {
            output.WriteLine(d.Format());
        }

        output.WriteLine($"{pages} pages, {tocs} tables of contents, {diags.Count} kramdown warnings");
        Assert.Equal(171, pages);
        Assert.Equal(3, tocs);
        Assert.Empty(diags);
    }
}
