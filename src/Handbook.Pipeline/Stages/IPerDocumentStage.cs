namespace Handbook.Pipeline.Stages;

/// <summary>
/// A stage whose output for a document depends only on that document (and the shared services): the engine may run
/// it on a subset of the documents. <see cref="PerDocumentStage"/> and <see cref="AsyncPerDocumentStage"/> are such
/// stages; an incremental run hands them only the documents that must be recomputed.
/// </summary>
public interface IPerDocumentStage : IStage;
