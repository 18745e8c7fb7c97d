namespace Handbook.Pipeline;

using System.Diagnostics;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// The engine: an ordered list of named stages plus shared services. Plugins add their stages with an
/// extension method (e.g. <c>site.AddJobFamilies(options)</c>); the app adds reading, theme and writing.
/// </summary>
public sealed class Site
{
    private readonly List<IStage> _stages = [];

    public ServiceRegistry Services { get; } = new();

    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>Upper bound for the threads a per-document stage uses; the result never depends on it.</summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set => _maxDegreeOfParallelism = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "at least one thread is needed");
    }

    private int _maxDegreeOfParallelism = Environment.ProcessorCount;

    public Site AddStage(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (_stages.Any(s => s.Name == stage.Name))
        {
            throw new InvalidOperationException($"a stage named '{stage.Name}' is already registered");
        }

        _stages.Add(stage);
        return this;
    }

    /// <summary>Adds several stages in order; what a plugin's <c>AddXxx</c> extension method calls.</summary>
    public Site AddStages(params IEnumerable<IStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        foreach (var stage in stages)
        {
            AddStage(stage);
        }

        return this;
    }

    /// <summary>
    /// Runs every stage in order over the documents and returns what the last one produced, sorted by
    /// destination then source path, with the diagnostics sorted by position and the time each stage took.
    /// </summary>
    /// <remarks>
    /// A stage that throws is a bug: it is reported as INTERNAL002 and its input goes on to the next stage, so the
    /// build still reports everything else it finds. Cancellation throws <see cref="OperationCanceledException"/>.
    /// </remarks>
    public async Task<BuildResult> RunAsync(IReadOnlyList<Document> initial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initial);
        var diagnostics = new DiagnosticBag();
        var context = new StageContext(diagnostics, Services, cancellationToken) { MaxDegreeOfParallelism = MaxDegreeOfParallelism };
        var timings = new List<StageTiming>(_stages.Count);
        var documents = initial;
        var total = Stopwatch.StartNew();
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            var input = documents;
            documents = await RunStageAsync(stage, input, context).ConfigureAwait(false);
            timings.Add(new StageTiming(stage.Name, watch.Elapsed, input.Count, documents.Count));
        }

        var ordered = documents
            .OrderBy(d => d.Destination, StringComparer.Ordinal)
            .ThenBy(d => d.SourcePath, StringComparer.Ordinal)
            .ToList();
        return new BuildResult(ordered, diagnostics.Sorted()) { Timings = timings, Elapsed = total.Elapsed };
    }

    private static async Task<IReadOnlyList<Document>> RunStageAsync(IStage stage, IReadOnlyList<Document> input, StageContext context)
    {
        try
        {
            return await stage.ExecuteAsync(input, context).ConfigureAwait(false)
                ?? throw new InvalidOperationException("the stage returned no document list (null)");
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A stage bug must become a diagnostic and let the build report everything else.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Parallel loops may wrap a cancellation in an AggregateException: once cancelled, it is a cancellation.
            context.CancellationToken.ThrowIfCancellationRequested();
            context.Report(ex is System.Text.RegularExpressions.RegexMatchTimeoutException
                ? Limits.RegexLimits.TimedOut($"stage '{stage.Name}'", EngineDiagnostics.SiteLocation)
                : EngineDiagnostics.StageFailed(stage.Name, ex));
            return input;
        }
    }
}
