namespace Handbook.Site.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Security;

/// <summary>
/// One-shot builds that write output: writes every text document that no later stage changes into the output being
/// built (<see cref="OutputStaging"/>) and lets go of its text, so the late half of a build no longer holds every page
/// until <see cref="WriteOutput"/> (issue 9: at N = 10000 the pages kept the resident memory growing by 1.7 GB).
/// </summary>
/// <remarks>
/// Placed right after <paramref name="finishedBy"/>, the last stage that changes the documents it stages. What later
/// stages read from a page's HTML is kept: <see cref="WriteNetlifyHeaders"/>' facts are recorded here by its own code
/// (<see cref="WriteNetlifyHeaders.RecordResources"/>); the link check reads a staged page's anchors back from its file
/// when a link asks (<see cref="Links.SiteLinkTargets"/>). A document the staging refuses (see <see cref="OutputStaging"/>)
/// passes on unchanged and is written at the end as before. The preview never stages: it keeps documents for
/// incremental runs. With <paramref name="storedResources"/> (<c>--cache</c>) a page is staged first and its facts are
/// taken from the store by the hash staging took of its bytes, read from its text only when no build before staged
/// those bytes (issue 9: after one commit nearly every page is the previous build's).
/// </remarks>
public sealed class StageFinishedPages(OutputStaging staging, SiteSettings settings, string finishedBy, StoredPageResources? storedResources = null) : IStage
{
    public string Name => $"{nameof(StageFinishedPages)}({finishedBy})";

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        var result = documents.ToArray();
        Parallel.For(
            0,
            result.Length,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            i => result[i] = Finish(result[i], context.CancellationToken));
        return Task.FromResult<IReadOnlyList<Document>>(result);
    }

    /// <summary>
    /// Stages one finished document right away, on the caller's thread: this stage's own work, and what a stage that
    /// renders pages in parallel (<see cref="RenderTheme"/>) calls, so its pages are written as they are made instead
    /// of all being held at its end.
    /// </summary>
    public Document Finish(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!OutputStaging.Accepts(document))
        {
            return document;
        }

        var text = document.Content;
        var staged = staging.Stage(document, cancellationToken);
        return staged.Staged is null ? document : Recorded(staged, WriteNetlifyHeaders.IsPage(document), text);
    }

    /// <summary>
    /// <see cref="Finish(Document, CancellationToken)"/> for a page rendered into a reused buffer: <paramref name="page"/>
    /// without its text (empty <see cref="Document.Content"/>) and <paramref name="text"/>, its text. Staged from the
    /// buffer (the CSP facts read from it, then encoded and written) without ever making the page a string; a page
    /// that cannot be staged comes back with the text as its <see cref="Document.Content"/>, as it would from
    /// <see cref="Finish(Document, CancellationToken)"/>.
    /// </summary>
    public Document Finish(Document page, ReadOnlySpan<char> text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (OutputStaging.Accepts(page, text))
        {
            var staged = staging.Stage(page, text, cancellationToken);
            if (staged.Staged is not null)
            {
                return Recorded(staged, WriteNetlifyHeaders.IsPage(page), text);
            }
        }

        return page with { Content = text.ToString() };
    }

    /// <summary>
    /// Stages <paramref name="page"/> (without its text) as the previous output's file at its destination when that file
    /// holds exactly the bytes <paramref name="sha256"/> and <paramref name="length"/> name – a page the caller knows is
    /// unchanged without rendering it (<see cref="Caching.ThemePageCache"/>). The page's CSP facts come from the store
    /// by that hash, else from the staged file's text. Null when it cannot be staged so: render it.
    /// </summary>
    public Document? TryFinishUnchanged(Document page, ReadOnlySpan<byte> sha256, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (staging.TryStageUnchanged(page, sha256, length, cancellationToken) is not { } staged)
        {
            return null;
        }

        if (!WriteNetlifyHeaders.IsPage(staged))
        {
            return staged;
        }

        return (storedResources is null ? null : WriteNetlifyHeaders.RecordStoredResources(staged, settings, storedResources))
            ?? Recorded(staged, isPage: true, staged.Staged!.ReadAllText());
    }

    /// <summary>
    /// A page just rendered into a reused buffer (<paramref name="page"/> without its text, <paramref name="text"/> its
    /// text): staged from the buffer by <paramref name="finishedPages"/> when the build stages pages, else given its
    /// text – the one place the rendering stages (theme, compare, ladder and version pages) decide that.
    /// </summary>
    public static Document FinishOrKeep(StageFinishedPages? finishedPages, Document page, ReadOnlySpan<char> text, CancellationToken cancellationToken) =>
        finishedPages is null ? page with { Content = text.ToString() } : finishedPages.Finish(page, text, cancellationToken);

    // What later stages read from a page's HTML, recorded on the staged page from the text it was staged from (the
    // staged page no longer holds it): from the store by the staged bytes' hash with --cache, else read from the text.
    private Document Recorded(Document staged, bool isPage, ReadOnlySpan<char> text) =>
        !isPage ? staged
        : storedResources is null ? WriteNetlifyHeaders.RecordResources(staged, text, settings)
        : WriteNetlifyHeaders.RecordResources(staged, text, settings, storedResources);
}
