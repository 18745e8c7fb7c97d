namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;

/// <summary>
/// How the engine runs one stage, for it (<see cref="Site"/>) and for stages that run other stages the same way (e.g.
/// a stage standing for several that falls back to running them one by one): retried once after a regex timeout
/// (<see cref="StageRetry"/>); any other exception is a bug, reported as INTERNAL002 (a second regex timeout as the
/// limit's diagnostic), and the stage's input goes on, so the build still reports everything else.
/// </summary>
public static class StageRunner
{
    /// <summary>The stage's output, or after a failure (reported) what it had not taken of its input.</summary>
    public static async Task<IReadOnlyList<Document>> RunAsync(IStage stage, IReadOnlyList<Document> input, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            IReadOnlyList<Document>? output = await StageRetry.ExecuteAsync(stage, input, context).ConfigureAwait(false);
            return output ?? throw new InvalidOperationException("the stage returned no document list (null)");
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
            // What a one-shot per-document stage had not taken yet goes on (the documents it took are lost with it).
            return input is ConsumableDocumentList consumable ? consumable.Remaining() : input;
        }
    }
}
