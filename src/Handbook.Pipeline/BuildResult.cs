namespace Handbook.Pipeline;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;

/// <summary>The documents a build produced and every diagnostic it reported, in deterministic order.</summary>
public sealed record BuildResult(IReadOnlyList<Document> Documents, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public bool Succeeded => ErrorCount == 0;
}
