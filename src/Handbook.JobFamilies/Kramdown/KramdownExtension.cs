namespace Handbook.JobFamilies.Kramdown;

using Markdig;
using Markdig.Renderers;

/// <summary>
/// The kramdown syntax GitLab's pages use, as a Markdig extension: block and span attribute lists (<c>{: .x #id}</c>),
/// attribute list definitions, the <c>{:toc}</c> table of contents, and the <c>{::comment}</c>, <c>{::nomarkdown}</c>,
/// <c>{::options}</c> extensions. Problems are kept in the document; report them with <see cref="KramdownFindings.Report"/>.
/// </summary>
public sealed class KramdownExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<KramdownBlockParser>())
        {
            pipeline.BlockParsers.Insert(0, new KramdownBlockParser());
        }

        if (!pipeline.InlineParsers.Contains<KramdownSpanAttributeParser>())
        {
            pipeline.InlineParsers.Insert(0, new KramdownSpanAttributeParser());
        }

        pipeline.DocumentProcessed -= KramdownSpanAttributeResolver.Resolve;
        pipeline.DocumentProcessed += KramdownSpanAttributeResolver.Resolve;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
        {
            return;
        }

        if (!html.ObjectRenderers.Contains<KramdownTocRenderer>())
        {
            html.ObjectRenderers.Add(new KramdownTocRenderer());
            html.ObjectRenderers.Add(new KramdownExtensionBlockRenderer());
            html.ObjectRenderers.Add(new KramdownAttributeBlockRenderer());
        }
    }
}
