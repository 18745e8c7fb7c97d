namespace Handbook.Site.Versions;

using Handbook.Pipeline;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Runs the domain stages of one commit batch of historic renders one after the other, as <see cref="Site"/> runs
/// them, without the engine's bookkeeping that a historic render never reads: no run record, no per-stage timing,
/// allocation and resident-memory reading, no diagnostics filed per document and sorted, no final sort of the
/// documents, no hop to a fresh thread before each per-document stage (issue 9: a versioned build of the replayed
/// history runs 45 such batches of about four documents and eight stages, and that bookkeeping cost ≈ 0.3 ms of CPU
/// and ≈ 110 KB of allocation per batch, more than the stages' own work on the smallest batches).
/// </summary>
/// <remarks>
/// The documents each stage hands on are the ones the engine would hand on: stages see the same input in the same
/// order with the same services and parallelism, and a stage's failure behaves as in <see cref="Site"/> (a regex
/// timeout is retried once; any other failure passes the stage's input on). What is not kept is only what an old
/// version's render discards anyway: its diagnostics (see <see cref="HistoricBuild"/>).
/// </remarks>
public static class HistoricStages
{
    /// <summary>The documents after the last of <paramref name="stages"/>, run over <paramref name="documents"/>.</summary>
    public static async Task<IReadOnlyList<Document>> RunAsync(
        IReadOnlyList<IStage> stages, IReadOnlyList<Document> documents, ServiceRegistry services, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(services);

        // One bag for the whole batch: an old version's diagnostics describe mistakes that were in the page then and
        // are never reported, so they are neither filed per document nor per stage.
        var diagnostics = new DiagnosticBag();
        var current = documents;
        foreach (var stage in stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var context = new StageContext(diagnostics, services, cancellationToken) { MaxDegreeOfParallelism = maxDegreeOfParallelism };
            current = await RunStageAsync(stage, current, context).ConfigureAwait(false);
        }

        return current;
    }

    // As Site runs a stage: retried once after a regex timeout (StageRetry); any other failure is a bug whose stage
    // passes its input on, so the render still finishes.
    private static async Task<IReadOnlyList<Document>> RunStageAsync(IStage stage, IReadOnlyList<Document> input, StageContext context)
    {
        try
        {
            IReadOnlyList<Document>? output = await StageRetry.ExecuteAsync(stage, input, context).ConfigureAwait(false);
            return output ?? input;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A stage bug in an old version's render must not stop the build (Site does the same).
        catch (Exception)
#pragma warning restore CA1031
        {
            // Parallel loops may wrap a cancellation in an AggregateException: once cancelled, it is a cancellation.
            context.CancellationToken.ThrowIfCancellationRequested();
            return input;
        }
    }
}
