namespace Handbook.JobFamilies;

using Markdig;

/// <summary>
/// How the job-families plugin reads its input. Paths are input-relative and '/'-separated, like document paths.
/// </summary>
public sealed record JobFamiliesOptions
{
    /// <summary>The folder below the input root that holds the pages (its URL prefix is the same).</summary>
    public string SectionFolder { get; init; } = "job-families";

    /// <summary>The grade data file (absent: grade links are checked against nothing and reported unresolved).</summary>
    public string GradesDataPath { get; init; } = "data/job-grades.yml";

    /// <summary>The redirects data file used when checking links between pages.</summary>
    public string RedirectsDataPath { get; init; } = "data/redirects.yml";

    /// <summary>Markdig extensions added to the site's pipeline after the built-in ones (kramdown syntax, Mermaid, …).</summary>
    public IReadOnlyList<IMarkdownExtension> MarkdownExtensions { get; init; } = [];

    /// <summary>
    /// Whether <c>RenderBodyHtml</c> replaces each family by a copy without its Markdown tree once its body is
    /// rendered (<see cref="Model.SyntaxTreeRelease"/>). For one-shot builds, which run no incremental build after
    /// this one: the tree is the largest thing a family holds (issue 9, peak memory). Off by default (the preview).
    /// </summary>
    public bool ReleasesSyntaxTrees { get; init; }

    /// <summary>
    /// Whether <c>ReadFrontMatter</c> empties each page document's <see cref="Handbook.Pipeline.Documents.Document.Content"/>
    /// (the file as read, front matter and all) as soon as it has split it into front matter and body. Later passes
    /// read the body; <c>ExpandErb</c> reads the texts of partials only, never of pages; the theme replaces the content
    /// with the page. For one-shot builds (versioned ones record the texts' fingerprints before, <c>RecordSourceTexts</c>):
    /// the text is held from reading to the theme otherwise (issue 9: twice the Markdown's size, UTF-16, and until the
    /// eleventh session it was held beside its body copy up to <c>ParseJobFamilies</c>). Off by default (the preview).
    /// </summary>
    public bool ReleasesSourceText { get; init; }

    /// <summary>
    /// Whether <c>RenderBodyHtml</c> keeps the body as UTF-8 bytes (<see cref="JobFamilyKeys.BodyHtmlUtf8"/>, with an
    /// empty <see cref="JobFamilyKeys.BodyHtml"/> marking the rendered page) instead of a UTF-16 string: half the
    /// memory from rendering to the theme (issue 9: the bodies, inherited bullets spelled out, were the largest thing
    /// held there). Readers use <see cref="Stages.RenderedBody"/>. For one-shot builds whose stages between rendering
    /// and the theme read no body (no versions from git history). Off by default (the preview).
    /// </summary>
    public bool KeepsBodyHtmlAsUtf8 { get; init; }

    /// <summary>
    /// Whether <c>RenderBodyHtml</c> leaves each body to be rendered where its page is rendered
    /// (<see cref="JobFamilyKeys.DeferredBody"/>, with an empty <see cref="JobFamilyKeys.BodyHtml"/>) instead of
    /// rendering it there: no body outlives its page, and each tree goes when its page is rendered (issue 9: every body
    /// was held from rendering to the theme, 1.2 GB at synthetic N = 10000, on top of the trees not yet collected).
    /// For one-shot builds whose stages between rendering and the theme read no body (no versions from git history)
    /// and whose theme renders each page once. Off by default (the preview).
    /// </summary>
    public bool DefersBodyHtml { get; init; }

    /// <summary>
    /// When above zero (and with <see cref="ReleasesSyntaxTrees"/> and <see cref="DefersBodyHtml"/>), the stages from
    /// parsing to body rendering run over this many pages at a time (<see cref="Stages.ProcessFamiliesInBatches"/>), so
    /// that not every page's Markdown tree is alive at once (issue 9); the result is the same. Zero (the default) runs
    /// each stage over the whole set.
    /// </summary>
    public int FamiliesPerBatch { get; init; }

    /// <summary>With <see cref="FamiliesPerBatch"/>: sites with fewer pages than this run each stage over the whole set (zero: any site larger than one batch is batched).</summary>
    public int SmallestBatchedSite { get; init; }

    /// <summary>
    /// With <see cref="FamiliesPerBatch"/>: what the app makes of each batch's families once the batch is rendered
    /// (<see cref="Stages.IFamilyBatchOutputs"/>); null makes nothing per batch.
    /// </summary>
    public Stages.IFamilyBatchOutputs? BatchOutputs { get; init; }

    /// <summary>
    /// Where a batched build (<see cref="FamiliesPerBatch"/>) keeps the bodies rendered in its batches and the parked
    /// Markdown, compressed, off the heap (<see cref="Stages.ICompressedTextSpool"/>: a temporary file the app owns and
    /// keeps open until the theme has placed every body); null keeps them on the heap.
    /// </summary>
    public Stages.ICompressedTextSpool? TextSpool { get; init; }
}
