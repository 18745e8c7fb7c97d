namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Documents;

/// <summary>
/// A named step of the build. It receives every document the previous stage produced and returns the documents
/// for the next one. Stages that work on one document at a time derive from <see cref="PerDocumentStage"/>,
/// which the engine runs in parallel.
/// </summary>
public interface IStage
{
    string Name { get; }

    Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context);
}
