namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Diagnostics;

/// <summary>What a stage may use besides its documents: the diagnostics sink, cancellation and shared services.</summary>
public sealed class StageContext(DiagnosticBag diagnostics, ServiceRegistry services, CancellationToken cancellationToken)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public ServiceRegistry Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
