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
/// With <paramref name="defersBody"/> (<see cref="JobFamiliesOptions.DefersBodyHtml"/>) the body is not rendered here at
/// all: the page gets an empty <see cref="JobFamilyKeys.BodyHtml"/> (it marks a rendered page, as a released body
/// does) and a <see cref="DeferredBody"/> holding the tree, which the theme renders into its page and lets go.
/// </summary>
public sealed class RenderBodyHtml(MarkdownPipeline pipeline, bool releasesSyntaxTrees = false, bool keepsBodyAsUtf8 = false, bool defersBody = false) : PerDocumentStage
{
    // One buffer per thread, reused from page to page: the rendered body is sanitised and encoded from it in place.
    [ThreadStatic]
    private static HtmlBufferWriter? t_buffer;

    // A deferred body's sanitised text, placed in its page from here (RenderBuffered).
    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<char>? t_sanitized;

    public override string Name => nameof(RenderBodyHtml);

    protected override Document? Process(Document document, StageContext context)
    {
        if (!document.TryGet(JobFamilyKeys.Family, out var family))
        {
            return document;
        }

        var rendered = WithBody(document, family.Body);
        if (!releasesSyntaxTrees || family.BodyFacts is not null)
        {
            return rendered;
        }

        // The Markdown text the tree was parsed from goes too: nothing after parsing reads it, and the tree kept it alive.
        return rendered
            .With(JobFamilyKeys.Family, SyntaxTreeRelease.Release(family))
            .With(JobFamilyKeys.MarkdownBody, string.Empty);
    }

    /// <summary>The document with its body rendered as this stage keeps it, or left to the theme.</summary>
    private Document WithBody(Document document, Markdig.Syntax.MarkdownDocument body)
    {
        if (defersBody)
        {
            return document.With(JobFamilyKeys.BodyHtml, string.Empty).With(JobFamilyKeys.DeferredBody, new DeferredBody(body, pipeline));
        }

        return keepsBodyAsUtf8
            ? document.With(JobFamilyKeys.BodyHtml, string.Empty).With(JobFamilyKeys.BodyHtmlUtf8, RenderUtf8(body, pipeline))
            : document.With(JobFamilyKeys.BodyHtml, ContentSanitizer.Sanitize(body, JobFamilyMarkdown.RenderHtml(body, pipeline)));
    }

    /// <summary>
    /// The sanitised body (what a <see cref="DeferredBody"/> renders, on the thread that renders its page) in this
    /// thread's reused buffers, or the full sanitizer's string: the text <see cref="RenderUtf8"/> encodes. Valid until
    /// the next body is rendered on this thread.
    /// </summary>
    internal static ReadOnlyMemory<char> RenderBuffered(Markdig.Syntax.MarkdownDocument body, MarkdownPipeline pipeline) =>
        ContentSanitizer.SanitizeInto(body, RenderIntoThreadBuffer(body, pipeline), t_sanitized ??= new System.Buffers.ArrayBufferWriter<char>(16 * 1024));

    /// <summary>The sanitised body as UTF-8, the same bytes as encoding the string the other path keeps.</summary>
    private static byte[] RenderUtf8(Markdig.Syntax.MarkdownDocument body, MarkdownPipeline pipeline) =>
        ContentSanitizer.SanitizeToUtf8(body, RenderIntoThreadBuffer(body, pipeline));

    /// <summary>The body's HTML (not sanitised yet) in this thread's reused buffer, valid until the next body is rendered on it.</summary>
    private static ReadOnlySpan<char> RenderIntoThreadBuffer(Markdig.Syntax.MarkdownDocument body, MarkdownPipeline pipeline)
    {
        var buffer = t_buffer ??= new HtmlBufferWriter();
        buffer.Clear();
        JobFamilyMarkdown.RenderHtml(body, pipeline, buffer);
        return buffer.Written;
    }
}
