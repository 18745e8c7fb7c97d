namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Markdown;
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
/// tree (<see cref="SyntaxTreeRelease.Release"/>) and its Markdown text by an empty one: nothing after this stage reads
/// either (later stages read the facts recorded on the copy), and letting the tree go page by page, as each body is
/// rendered, means a build never holds all trees and all bodies at once.
/// With <paramref name="keepsBodyAsUtf8"/> (<see cref="JobFamiliesOptions.KeepsBodyHtmlAsUtf8"/>) the body is kept as
/// UTF-8 bytes until the theme places it (read through <see cref="RenderedBody"/>): half the memory of the string.
/// </summary>
public sealed class RenderBodyHtml(MarkdownPipeline pipeline, bool releasesSyntaxTrees = false, bool keepsBodyAsUtf8 = false) : PerDocumentStage
{
    // One buffer per thread, reused from page to page: the rendered body is sanitised and encoded from it in place.
    [ThreadStatic]
    private static HtmlBufferWriter? t_buffer;

    public override string Name => nameof(RenderBodyHtml);

    protected override Document? Process(Document document, StageContext context)
    {
        if (!document.TryGet(JobFamilyKeys.Family, out var family))
        {
            return document;
        }

        var rendered = keepsBodyAsUtf8
            ? document.With(JobFamilyKeys.BodyHtml, string.Empty).With(JobFamilyKeys.BodyHtmlUtf8, RenderUtf8(family.Body))
            : document.With(JobFamilyKeys.BodyHtml, ContentSanitizer.Sanitize(family.Body, JobFamilyMarkdown.RenderHtml(family.Body, pipeline)));
        if (!releasesSyntaxTrees || family.BodyFacts is not null)
        {
            return rendered;
        }

        // The Markdown text the tree was parsed from goes too: nothing after parsing reads it, and the tree kept it alive.
        return rendered
            .With(JobFamilyKeys.Family, SyntaxTreeRelease.Release(family))
            .With(JobFamilyKeys.MarkdownBody, string.Empty);
    }

    /// <summary>The sanitised body as UTF-8, the same bytes as encoding the string the other path keeps.</summary>
    private byte[] RenderUtf8(Markdig.Syntax.MarkdownDocument body)
    {
        var buffer = t_buffer ??= new HtmlBufferWriter();
        buffer.Clear();
        JobFamilyMarkdown.RenderHtml(body, pipeline, buffer);
        return ContentSanitizer.SanitizeToUtf8(body, buffer.Written);
    }
}
