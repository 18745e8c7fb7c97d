namespace Handbook.Pipeline.Stages;

using System.Text.RegularExpressions;
using Handbook.Pipeline.Documents;

/// <summary>
/// How a whole stage is run, for every runner of stages (the engine's <see cref="Site"/> and runners that skip its
/// bookkeeping, such as the historic renders): a first regex timeout can be the machine's, not the text's
/// (<see cref="Limits.RegexLimits.RetryOnceOnTimeout{T, TState}"/>), and stages are pure over their input, so the
/// stage runs once more; a second timeout propagates to the runner's failure handling.
/// </summary>
public static class StageRetry
{
    /// <summary>The stage's output over <paramref name="input"/>, run once more after a first regex timeout.</summary>
    public static async Task<IReadOnlyList<Document>> ExecuteAsync(IStage stage, IReadOnlyList<Document> input, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(stage);
        try
        {
            return await stage.ExecuteAsync(input, context).ConfigureAwait(false);
        }
        catch (RegexMatchTimeoutException) when (input is not ConsumableDocumentList { AnyTaken: true })
        {
            // What the first run reported again is kept once by the diagnostic bag. (PerDocumentStage retries each
            // document itself; a list a stage took documents from cannot be handed to it again.)
            return await stage.ExecuteAsync(input, context).ConfigureAwait(false);
        }
    }
}
