namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Limits;

/// <summary>
/// A stage that transforms each document independently. Documents are processed in parallel and the output
/// keeps the input order, so parallelism never changes the result.
/// </summary>
/// <remarks>
/// Problems in the input are reported with <see cref="StageContext.Report"/>. An exception is a bug: it becomes an
/// INTERNAL001 diagnostic at that document, the document is dropped, and every other document is still
/// processed, so one bug neither stops the build silently nor hides the other diagnostics. Cancellation is not
/// an error and propagates.
/// </remarks>
public abstract class PerDocumentStage : IPerDocumentStage
{
    public abstract string Name { get; }

    /// <summary>Returns the transformed document, or null to drop it.</summary>
    protected abstract Document? Process(Document document, StageContext context);

    /// <remarks>
    /// In a one-shot run the engine hands over a list the stage may empty as it goes (<see cref="ConsumableDocumentList"/>):
    /// each input is taken out as it is processed, so it can be collected while the other documents are processed.
    /// </remarks>
    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var results = new Document?[documents.Count];
        Parallel.For(
            0,
            documents.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            i => results[i] = ProcessGuarded(ConsumableDocumentList.Take(documents, i), context));
        IReadOnlyList<Document> kept = results.Where(d => d is not null).Select(d => d!).ToList();
        return Task.FromResult(kept);
    }

    private Document? ProcessGuarded(Document document, StageContext context)
    {
        var own = context.ForDocument(document);
        try
        {
            // A timeout can be the machine's (see RegexLimits.RetryOnceOnTimeout): one more run before it is a failure.
            // Repeated reports of the first run are exact duplicates, which the diagnostic bag keeps once.
            return RegexLimits.RetryOnceOnTimeout((Document: document, Context: own), run => Process(run.Document, run.Context));
        }
        catch (Exception ex) when (DocumentFailure.Report(ex, Name, document, own))
        {
            return null;
        }
        finally
        {
            context.Adopt(document, own);
        }
    }
}
