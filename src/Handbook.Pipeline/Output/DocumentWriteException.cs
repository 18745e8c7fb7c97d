namespace Handbook.Pipeline.Output;

using Handbook.Pipeline.Documents;

/// <summary>Carries which document failed to be written, so the diagnostic points at its source file.</summary>
public sealed class DocumentWriteException(Document document, Exception inner)
    : Exception($"writing '{document?.Destination}' failed: {inner?.Message}", inner)
{
    public Document Document { get; } = document ?? throw new ArgumentNullException(nameof(document));
}
