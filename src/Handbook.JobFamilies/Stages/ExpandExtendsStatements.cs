namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Extends;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// Resolves every "extends" statement across all pages and copies the inherited bullets into the extending roles
/// (<see cref="ExpandExtends"/>); needs the whole set because statements may point at other pages.
/// </summary>
public sealed class ExpandExtendsStatements : WholeSetStage
{
    public override string Name => nameof(ExpandExtendsStatements);

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        var families = documents
            .Select(d => d.TryGet(JobFamilyKeys.Family, out var family) ? family : null)
            .OfType<Model.JobFamily>()
            .ToList();
        new ExpandExtends(new FamilyLookup(families)).Run(families, context.Diagnostics);
        return documents;
    }
}
