namespace Handbook.JobFamilies.Tests.Sanitizing;

using Handbook.JobFamilies.Erb;
using Handbook.JobFamilies.Kramdown;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Sanitizing;
using Handbook.JobFamilies.Tests.Erb;
using Handbook.Pipeline.Diagnostics;
using Markdig;

/// <summary>Findings in text that came from a partial point at the partial, through the ERB source map.</summary>
public sealed class DiagnosticsInPartialsTests
{
    [Fact]
    public void Html_and_kramdown_findings_inside_a_partial_are_located_in_the_partial()
    {
        var env = new InMemoryErbEnvironment();
        env.Files["includes/_embed.md"] = "Watch this:\n\n<iframe src=\"https://ads.example/x\"></iframe>\n\nNote\n{: style=\"color:red\"}\n";
        var diags = new List<Diagnostic>();
        var expanded = ErbExpander.Expand("job-families/a/index.html.md.erb", "# A\n\nIntro\n\n<%= partial('embed') %>\n\nEnd\n", env, diags);
        var pipeline = JobFamilyMarkdown.CreatePipeline([new KramdownExtension()]);

        var document = Markdown.Parse(expanded.Text, pipeline);
        ContentSafetyPass.Check(document, expanded.Map.Locate, diags);
        KramdownFindings.Report(document, expanded.Map.Locate, diags);

        Assert.Equal(
            [(HtmlCodes.IframeNotAllowed, "includes/_embed.md", 3, 1), (KramdownCodes.AttributeDropped, "includes/_embed.md", 6, 1)],
            diags.Select(d => (d.Code, d.Location.Path, d.Location.Line, d.Location.Column)).ToArray());
    }
}
