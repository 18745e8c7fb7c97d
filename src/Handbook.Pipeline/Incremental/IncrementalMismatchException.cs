namespace Handbook.Pipeline.Incremental;

/// <summary>
/// Thrown inside an incremental run when the set of documents differs from the previous run's (a file was added
/// or removed, a stage dropped a page): the engine then runs the whole build instead, giving the message as the reason.
/// </summary>
internal sealed class IncrementalMismatchException(string message) : Exception(message);
