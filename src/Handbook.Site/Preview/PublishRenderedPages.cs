namespace Handbook.Site.Preview;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Output;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;

/// <summary>
/// The preview's first phase: placed right after <c>RenderTheme</c>, where the pages an edit changed (the family,
/// the pages that extend it, the indexes that list it) are final. In an incremental run with no error so far it
/// writes the HTML pages this run recomputed and whose bytes changed in place (<see cref="OutputWriter.PublishAsync"/>)
/// and hands their output paths to <see cref="Published"/>, so the browser reloads them before the site-wide files
/// (search index, JSON export, compare and ladder pages, sitemap, link check, headers) are made; the final write
/// then writes only what those changed. Documents pass through unchanged.
/// </summary>
/// <remarks>
/// A full run (the first build, a file added or removed) publishes nothing early: its write swaps in a whole folder.
/// A run with an error so far publishes nothing either, so the last good page stays served, exactly as when the final
/// write is skipped. An error found later (a broken link) does not take back what was published: the page shows
/// what its author wrote, and the error shows in the overlay.
/// </remarks>
public sealed class PublishRenderedPages(OutputWriter writer) : IStage
{
    /// <summary>Called with the output paths written early (never empty); not called when nothing was.</summary>
    public Action<IReadOnlyList<string>>? Published { get; set; }

    /// <summary>Called when this stage is done, in every run: from here on the run makes only the site-wide files,
    /// so a newer change may cancel it (<see cref="PreviewBuild.Supersede"/>).</summary>
    public Action? Done { get; set; }

    public string Name => nameof(PublishRenderedPages);

    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Incremental is { } incremental && WriterWouldWrite(context))
        {
            var pages = incremental.PositionsToProcess(documents).Select(i => documents[i]).Where(d => d.Metadata.Contains(SiteKeys.IsHtmlPage));
            var published = await writer.PublishAsync(pages, context.CancellationToken).ConfigureAwait(false);
            if (published.Count > 0)
            {
                Published?.Invoke(published);
            }
        }

        Done?.Invoke();
        return documents;
    }

    // The rule WriteOutput applies at the end, on what the run reported so far.
    private bool WriterWouldWrite(StageContext context) =>
        !context.Diagnostics.HasErrors && !(writer.Options.FailOnWarnings && context.Diagnostics.WarningCount > 0);
}
