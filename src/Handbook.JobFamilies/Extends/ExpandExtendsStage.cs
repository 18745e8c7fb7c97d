namespace Handbook.JobFamilies.Extends;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// The pipeline stage around <see cref="ExpandExtends"/>: collects every parsed family
/// (<see cref="JobFamilyKeys.Family"/>), resolves and expands their extends statements in place, and passes the
/// documents on unchanged otherwise. Runs after <c>ParseJobFamilies</c> and before <c>RenderBodyHtml</c>; the
/// render pipeline needs <see cref="ExtendsMarkdownExtension"/> for choices.
/// </summary>
public sealed class ExpandExtendsStage : WholeSetStage
{
    public override string Name => "ExpandExtends";

    protected override IReadOnlyList<Document> Process(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        var families = new List<JobFamily>();
        foreach (var document in documents)
        {
            if (document.TryGet(JobFamilyKeys.Family, out var family))
            {
                families.Add(family);
            }
        }

        new ExpandExtends(new FamilyLookup(families)).Run(families, context.Diagnostics);
        return documents;
    }
}
