namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Model;
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
/// With <paramref name="releasesSyntaxTrees"/> (one-shot builds), the family is then replaced by a copy without its
/// tree (<see cref="SyntaxTreeRelease.Release"/>): nothing after this stage edits or renders the tree, and letting it
/// go page by page, as each body is rendered, means a build never holds all trees and all bodies at once.
/// </summary>
public sealed class RenderBodyHtml(MarkdownPipeline pipeline, bool releasesSyntaxTrees = false) : PerDocumentStage
{
    public override string Name => nameof(RenderBodyHtml);

    protected override Document? Process(Document document, StageContext context)
    {
        if (!document.TryGet(JobFamilyKeys.Family, out var family))
        {
            return document;
        }

        var html = ContentSanitizer.Sanitize(family.Body, JobFamilyMarkdown.RenderHtml(family.Body, pipeline));
        var rendered = document.With(JobFamilyKeys.BodyHtml, html);
        return releasesSyntaxTrees && family.BodyFacts is null ? rendered.With(JobFamilyKeys.Family, SyntaxTreeRelease.Release(family)) : rendered;
    }
}
