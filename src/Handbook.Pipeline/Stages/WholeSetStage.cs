namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Documents;

/// <summary>
/// A stage that needs every document at once: indexes, navigation, link and anchor checks, anything that
/// relates documents to each other. It runs on one thread; parallelism, where useful, is up to the stage.
/// </summary>
/// <remarks>
/// An exception is a bug: <see cref="Site.RunAsync"/> turns it into an INTERNAL002 diagnostic and passes this
/// stage's input on unchanged, so later stages still run and report what they find.
/// </remarks>
public abstract class WholeSetStage : IStage
{
    public abstract string Name { get; }

    /// <summary>Returns the documents for the next stage (may add, drop, reorder or change documents).</summary>
    protected abstract IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Process(documents, context));
    }
}
