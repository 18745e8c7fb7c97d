namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Markdown;
using Markdig;
using Markdig.Syntax;

/// <summary>
/// A page body left to be rendered where its page is rendered (<see cref="JobFamiliesOptions.DefersBodyHtml"/>,
/// one-shot builds without versions): the Markdown tree as the earlier passes left it and the pipeline to render it.
/// <see cref="Render"/> renders and sanitises it exactly as <see cref="RenderBodyHtml"/> would have, and lets go
/// of the tree, so that a build never holds every body at once (issue 9: ≈ 118 KB of UTF-8 a family, 1.2 GB at
/// synthetic N = 10000, were all alive from <c>RenderBodyHtml</c> to the theme) and each tree goes as soon as its page
/// (and every page showing bullets copied from it) is rendered.
/// </summary>
/// <remarks>
/// The holder is the one mutable thing in a page document's metadata, on purpose: the theme's stage works on the
/// whole set, whose list holds every document until the stage ends, so only emptying the holder lets a tree go
/// while the stage runs. Rendering twice is a bug (the tree is gone) and throws.
/// </remarks>
public sealed class DeferredBody
{
    private MarkdownDocument? _tree;
    private readonly MarkdownPipeline? _pipeline;
    private CompressedText? _compressed;

    public DeferredBody(MarkdownDocument tree, MarkdownPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(pipeline);
        _tree = tree;
        _pipeline = pipeline;
    }

    private DeferredBody(CompressedText compressed) => _compressed = compressed;

    /// <summary>
    /// A body rendered already (the sanitised text <see cref="RenderBodyHtml"/> renders), kept compressed until its page
    /// is rendered: a build that expands extends a batch of families at a time (<see cref="ProcessFamiliesInBatches"/>)
    /// renders each batch's bodies before it lets the batch's trees go.
    /// </summary>
    public static DeferredBody FromRendered(ReadOnlySpan<char> html) => new(CompressedText.Of(html));

    /// <summary>As <see cref="FromRendered(ReadOnlySpan{char})"/>, the compressed body kept in <paramref name="spool"/> (off the heap) when there is one.</summary>
    public static DeferredBody FromRendered(ReadOnlySpan<char> html, ICompressedTextSpool? spool) => new(CompressedText.Of(html, spool));

    /// <summary>Bytes a body rendered already holds until its page is rendered (0 for a tree, or once rendered).</summary>
    public long CompressedSize => _compressed?.Size ?? 0;

    /// <summary>
    /// The sanitised body: the text <see cref="RenderBodyHtml"/> keeps (as UTF-8, <see cref="JobFamilyKeys.BodyHtmlUtf8"/>),
    /// in a buffer of the calling thread that the next body rendered on it reuses – place it in its page first. Lets go
    /// of the tree; call once.
    /// </summary>
    public ReadOnlyMemory<char> Render()
    {
        if (Interlocked.Exchange(ref _compressed, null) is { } compressed)
        {
            return compressed.DecompressBuffered();
        }

        var tree = Interlocked.Exchange(ref _tree, null)
            ?? throw new InvalidOperationException("The deferred body was already rendered.");
        return RenderBodyHtml.RenderBuffered(tree, _pipeline!);
    }
}
