namespace Handbook.Pipeline.Output;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// The last stage: hands the documents to an <see cref="OutputWriter"/>, which replaces the output folder only when
/// no error (or, with fail-on-warnings, no warning) was reported so far, or when keep-going is set.
/// </summary>
public sealed class WriteOutput(OutputWriter writer) : IStage
{
    public string Name => "WriteOutput";

    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var succeeded = !context.Diagnostics.HasErrors && !(writer.Options.FailOnWarnings && context.Diagnostics.WarningCount > 0);
        await writer.WriteAsync(documents, succeeded, context.Diagnostics, context.CancellationToken).ConfigureAwait(false);
        return documents;
    }
}
