namespace Handbook.Pipeline.Stages;

using System.Text.RegularExpressions;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;

/// <summary>
/// Like <see cref="PerDocumentStage"/> for work that awaits (e.g. asynchronous template rendering): documents are
/// processed concurrently up to <see cref="StageContext.MaxDegreeOfParallelism"/>, the output keeps the input order,
/// and an exception for one document becomes INTERNAL001 while the others go on.
/// </summary>
public abstract class AsyncPerDocumentStage : IPerDocumentStage
{
    public abstract string Name { get; }

    /// <summary>Returns the transformed document, or null to drop it.</summary>
    protected abstract ValueTask<Document?> ProcessAsync(Document document, StageContext context);

    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        var results = new Document?[documents.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, documents.Count),
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            async (i, _) => results[i] = await ProcessGuardedAsync(ConsumableDocumentList.Take(documents, i), context).ConfigureAwait(false)).ConfigureAwait(false);
        return results.Where(d => d is not null).Select(d => d!).ToList();
    }

    private async ValueTask<Document?> ProcessGuardedAsync(Document document, StageContext context)
    {
        var own = context.ForDocument(document);
        try
        {
            try
            {
                return await ProcessAsync(document, own).ConfigureAwait(false);
            }
            catch (RegexMatchTimeoutException)
            {
                // As PerDocumentStage: a first timeout can be the machine's (RegexLimits.RetryOnceOnTimeout).
                return await ProcessAsync(document, own).ConfigureAwait(false);
            }
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
