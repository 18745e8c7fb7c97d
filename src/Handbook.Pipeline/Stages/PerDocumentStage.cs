namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Documents;

/// <summary>
/// A stage that transforms each document independently. Documents are processed in parallel and the output
/// keeps the input order, so parallelism never changes the result.
/// </summary>
public abstract class PerDocumentStage : IStage
{
    public abstract string Name { get; }

    /// <summary>Returns the transformed document, or null to drop it.</summary>
    protected abstract Document? Process(Document document, StageContext context);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var results = new Document?[documents.Count];
        Parallel.For(
            0,
            documents.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            i => results[i] = Process(documents[i], context));
        IReadOnlyList<Document> kept = results.Where(d => d is not null).Select(d => d!).ToList();
        return Task.FromResult(kept);
    }
}
