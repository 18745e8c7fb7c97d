namespace Handbook.Site.Versions;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// <see cref="Handbook.JobFamilies.Stages.ExpandExtendsStatements"/> over part of a historic batch (the wanted pages and
/// the pages their statements reach, <see cref="ReachedPages"/>), which says when its answer could differ from a run
/// over the whole batch (<see cref="LeftBatch"/>): a statement's link named a page of the batch that is not here, a
/// role name was searched on every page (<see cref="BatchFamilyLookup"/>), or a cycle was broken (which link goes
/// depends on the order every page's statements are visited in). The caller then renders the whole batch instead.
/// </summary>
/// <param name="batchUrls">Every page of the batch: its normalised URL → the source path of the page a lookup over the
/// whole batch finds for it (the first with that URL, in the batch's order).</param>
/// <param name="statements">The statements already found on these pages' trees (<see cref="ReachedPages.LinkedBy(IEnumerable{Document}, IReadOnlyDictionary{string, string}, FoundStatementsMemo)"/>
/// found them to list the reached pages; the trees are not changed until this stage expands them), or null: found
/// again when resolving.</param>
public sealed class ExpandExtendsWithinBatch(IReadOnlyDictionary<string, string> batchUrls, FoundStatementsMemo? statements = null) : WholeSetStage
{
    public override string Name => nameof(ExpandExtendsWithinBatch);

    /// <summary>Why the expansion may differ from the whole batch's (null: it cannot).</summary>
    public string? LeftBatch { get; private set; }

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var families = new List<JobFamily>();
        foreach (var document in documents)
        {
            if (document.TryGet(JobFamilyKeys.Family, out var family))
            {
                families.Add(family);
            }
        }

        if (families.Count == 0)
        {
            return documents;
        }

        // Every family expanded, as the whole-batch stage does in a run that is not incremental (owners: all).
        var lookup = new BatchFamilyLookup(families, batchUrls);
        var resolution = new ExpandExtends(lookup, statements: statements).Run(families, context.Diagnostics);
        LeftBatch = lookup.WhyNotExact(resolution);
        return documents;
    }
}
