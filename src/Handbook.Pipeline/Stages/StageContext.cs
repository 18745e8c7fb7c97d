namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;

/// <summary>What a stage may use besides its documents: the diagnostics sink, cancellation and shared services.</summary>
/// <remarks>Thread-safe: per-document stages call <see cref="Report"/> from many threads at once.</remarks>
public sealed class StageContext(DiagnosticBag diagnostics, ServiceRegistry services, CancellationToken cancellationToken)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public ServiceRegistry Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Set in an incremental run (<see cref="Site.RunAsync(IReadOnlyList{Document}, BuildResult, IReadOnlyCollection{string}, CancellationToken)"/>); null in a full run.</summary>
    public IncrementalContext? Incremental { get; init; }

    /// <summary>Where the engine files diagnostics per processed document, so a reused document's can be replayed.</summary>
    internal DiagnosticAttribution? Attribution { get; init; }

    /// <summary>Reports a finding about the input; shorthand for <c>Diagnostics.Report</c>.</summary>
    public void Report(Diagnostic diagnostic) => Diagnostics.Report(diagnostic);

    /// <summary>
    /// False when this run reuses the document's previous output of this stage: a whole-set stage then skips the
    /// work for it (and must not change its objects). Always true in a full run.
    /// </summary>
    public bool MustProcess(Document document) => Incremental?.MustProcess(document) ?? true;

    /// <summary>A context whose diagnostics are filed under <paramref name="document"/> (per-document stages).</summary>
    internal StageContext ForDocument(Document document) =>
        Attribution is null
            ? this
            : new StageContext(new DiagnosticBag(Diagnostics), Services, CancellationToken) { MaxDegreeOfParallelism = MaxDegreeOfParallelism, Incremental = Incremental };

    /// <summary>Files what a <see cref="ForDocument"/> context collected under the document.</summary>
    internal void Adopt(Document document, StageContext documentContext)
    {
        if (!ReferenceEquals(documentContext, this))
        {
            Attribution!.Add(document.SourcePath, documentContext.Diagnostics.Sorted());
        }
    }
}
