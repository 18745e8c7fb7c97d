namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Markdig;

/// <summary>
/// Renders each page's Markdown AST (as the earlier passes left it) to HTML with the site's Markdig pipeline;
/// the theme places it in the page.
/// </summary>
public sealed class RenderBodyHtml(MarkdownPipeline pipeline) : PerDocumentStage
{
    public override string Name => nameof(RenderBodyHtml);

    protected override Document? Process(Document document, StageContext context) =>
        document.TryGet(JobFamilyKeys.Family, out var family)
            ? document.With(JobFamilyKeys.BodyHtml, JobFamilyMarkdown.RenderHtml(family.Body, pipeline))
            : document;
}
