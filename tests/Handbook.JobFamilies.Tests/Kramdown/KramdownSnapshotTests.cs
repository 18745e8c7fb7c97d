namespace Handbook.JobFamilies.Tests.Kramdown;

using ApprovalTests;
using Handbook.JobFamilies.Kramdown;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;
using Markdig;
using Handbook.JobFamilies.Parsing;

public sealed class KramdownSnapshotTests
{
    [Fact]
    public void Kramdown_fixture_renders_toc_attributes_and_extensions()
    {
        var markdown = File.ReadAllText(Path.Combine(SharedCorpus.RepositoryRoot, "tests/Handbook.JobFamilies.Tests/Kramdown/Fixtures/kramdown-page.md"));
        var pipeline = JobFamilyMarkdown.CreatePipeline([new KramdownExtension()]);
        var diags = new List<Diagnostic>();

        var document = Markdown.Parse(markdown, pipeline);
        KramdownFindings.Report(document, (l, c) => SourceLocation.FromZeroBased("kramdown-page.md", l, c), diags);

        Assert.Empty(diags);
        Approvals.Verify(document.ToHtml(pipeline));
    }
}
