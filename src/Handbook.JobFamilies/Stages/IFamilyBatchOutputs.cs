namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// What the app makes of each batch's families once <see cref="ProcessFamiliesInBatches"/> has rendered the batch
/// (issue 9): the outputs that read a family's bullets, made while the batch's families are still young, so their
/// bullets can go with the batch instead of living to the end of the batches. Implemented by the app (the site makes
/// compare pages, export parts and search records); the domain only says when.
/// </summary>
/// <remarks>
/// Called once per batch that succeeded, in batch order, with the batch's own pages as the stage hands them on
/// (tree-less families, compressed bodies). The stage may still fall back to the whole set after a later batch; it then
/// calls <see cref="Discard"/> and the whole-set run's families (other objects) go to the app's usual path.
/// </remarks>
public interface IFamilyBatchOutputs
{
    /// <summary>
    /// Makes the outputs of the families in <paramref name="batch"/>; returns null when done, or why the batches
    /// cannot be exact with these outputs (the stage then falls back to the whole set and calls <see cref="Discard"/>).
    /// </summary>
    string? Record(IReadOnlyList<Document> batch, StageContext context);

    /// <summary>The batches' work was dropped: forget every output <see cref="Record"/> made.</summary>
    void Discard();

    /// <summary>
    /// Pages the stage should put in the first batches: pages whose outputs the others' depend on (the site's folder
    /// index pages, whose titles every breadcrumb trail shows). Decided from the page's path, before parsing.
    /// </summary>
    bool GoesFirst(FamilyPathInfo page);
}
