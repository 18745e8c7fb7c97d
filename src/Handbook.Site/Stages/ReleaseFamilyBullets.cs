namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Catalog;

/// <summary>
/// One-shot builds only, right after the last stage that reads the bullets (<see cref="WriteJobFamiliesExport"/>; the
/// compare pages and the search index read them before): each tree-less family's bullets are let go
/// (<see cref="BulletRelease"/>), so the bullets and their texts – about half of what the late half of a build holds
/// (issue 9) – are not held through the link check and the writing of the output.
/// </summary>
/// <remarks>
/// What the later stages read of a family stays: its identity and URL, roles and grades, and the facts of its body
/// (the links the link check checks). A family that still has its tree (a build that keeps them) passes unchanged; the
/// preview never runs this stage (it keeps every family for the next edit). Documents pass through as they are: the
/// families are emptied in place.
/// </remarks>
public sealed class ReleaseFamilyBullets : PerDocumentStage
{
    public override string Name => nameof(ReleaseFamilyBullets);

    protected override Document? Process(Document document, StageContext context)
    {
        if (document.TryGet(JobFamilyKeys.Family, out var family) && family.BodyFacts is not null)
        {
            BulletRelease.Release(family);
        }

        return document;
    }
}
