namespace Handbook.Pipeline.Output;

using Handbook.Pipeline.Documents;

/// <summary>A document with a checked, output-relative destination.</summary>
public sealed record PlannedFile(string Destination, Document Document);
