namespace Handbook.Pipeline.Incremental;

using Handbook.Pipeline.Documents;

/// <summary>
/// What a stage sees of an incremental run (<see cref="Stages.StageContext.Incremental"/>; null in a full run).
/// The engine's rule: a document that need not be recomputed at this stage leaves the stage exactly as it left it in
/// the previous run, whatever the stage returns for it. Per-document stages are not even called for such documents;
/// a whole-set stage gets every document (it may read them all) and should skip the work for the ones
/// <see cref="MustProcess"/> rejects. It must never change their objects: they are shared with the previous run.
/// </summary>
public sealed class IncrementalContext
{
    private readonly RebuildPlan _plan;
    private readonly int _stage;

    internal IncrementalContext(RebuildPlan plan, int stage)
    {
        _plan = plan;
        _stage = stage;
    }

    /// <summary>The input names the run was started with (source paths and external names).</summary>
    public IReadOnlySet<string> ChangedInputs => _plan.ChangedInputs;

    /// <summary>
    /// This stage's output in the previous run. A reused document reaches a whole-set stage as the previous stage left
    /// it, so what this stage attached to it last time (a cached part of a generated file, a parsed table) is found here.
    /// </summary>
    public IReadOnlyList<Document> PreviousOutput => _plan.Record.Outputs[_stage];

    /// <summary>
    /// The previous stage's output in the previous run (null for the first stage): for a whole-set stage, the very list
    /// it was given then. Such a stage can key what it derived from its whole input by that list's identity and, in the
    /// next run, start from it: the documents that differ from it by reference are the only ones that changed.
    /// </summary>
    public IReadOnlyList<Document>? PreviousInput => _stage == 0 ? null : _plan.Record.Outputs[_stage - 1];

    /// <summary>
    /// The positions (ascending) of the documents of <paramref name="input"/> that <see cref="MustProcess"/> accepts.
    /// Given the stage's own input, found by path in time proportional to their number (issue 9: a whole-set stage of
    /// an edit need not look at every document); any other list is looked at document by document.
    /// </summary>
    public IReadOnlyList<int> PositionsToProcess(IReadOnlyList<Document> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _plan.PositionsToProcess(_stage, input);
    }

    /// <summary>False when the document's previous output of this stage is reused.</summary>
    public bool MustProcess(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return !_plan.IsReused(_stage, document.SourcePath);
    }
}
