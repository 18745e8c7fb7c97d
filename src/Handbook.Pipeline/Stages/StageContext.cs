namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Diagnostics;

/// <summary>What a stage may use besides its documents: the diagnostics sink, cancellation and shared services.</summary>
/// <remarks>Thread-safe: per-document stages call <see cref="Report"/> from many threads at once.</remarks>
public sealed class StageContext(DiagnosticBag diagnostics, ServiceRegistry services, CancellationToken cancellationToken)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public ServiceRegistry Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Reports a finding about the input; shorthand for <c>Diagnostics.Report</c>.</summary>
    public void Report(Diagnostic diagnostic) => Diagnostics.Report(diagnostic);
}
