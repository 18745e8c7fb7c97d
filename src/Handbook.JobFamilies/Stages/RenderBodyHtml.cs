namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Sanitizing;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Markdig;

/// <summary>
/// Renders each page's Markdown AST (as the earlier passes left it) to HTML with the site's Markdig pipeline and
/// sanitises it (<see cref="ContentSanitizer"/>: the policy <see cref="CheckContentSafety"/> reported against); the
/// theme places the result in the page as is. The AST goes along so that pages without raw HTML blocks skip the DOM
/// round trip (<see cref="ContentSanitizer.Sanitize(Markdig.Syntax.MarkdownDocument, string)"/>).
/// </summary>
public sealed class RenderBodyHtml(MarkdownPipeline pipeline) : PerDocumentStage
{
    public override string Name => nameof(RenderBodyHtml);

    protected override Document? Process(Document document, StageContext context) =>
        document.TryGet(JobFamilyKeys.Family, out var family)
            ? document.With(JobFamilyKeys.BodyHtml, ContentSanitizer.Sanitize(family.Body, JobFamilyMarkdown.RenderHtml(family.Body, pipeline)))
            : document;
}
