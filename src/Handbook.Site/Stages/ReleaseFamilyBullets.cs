namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Catalog;

/// <summary>
/// One-shot builds only, right after the last stage that reads the bullets: each tree-less family's bullets are let
/// go (<see cref="BulletRelease"/>), so the bullets and their texts – about half of what the late half of a build holds
/// (issue 9) – are not held through the rest of the build.
/// </summary>
/// <remarks>
/// What the later stages read of a family stays: its identity and URL, roles and grades, and the facts of its body
/// (the links the link check checks, the career ladder links the ladder pages show). A family that still has its tree
/// (a build that keeps them) passes unchanged; the preview never runs this stage (it keeps every family for the next
/// edit). Documents pass through as they are: the families are emptied in place.
/// <para>
/// Where it runs: a build that stages its output makes each family's compare page, export part and search record as
/// the theme renders it (<see cref="PerFamilyOutputs"/>), so this stage runs right after the theme and lets go only
/// of what those records leave unread (<see cref="PerFamilyOutputs.MayReleaseBullets"/>); a build that does not (check)
/// runs it after <see cref="WriteJobFamiliesExport"/>, the last of the stages that read bullets.
/// </para>
/// </remarks>
/// <param name="perFamilyOutputs">The theme's records of a staged build; null when this stage runs after the export.</param>
public sealed class ReleaseFamilyBullets(PerFamilyOutputs? perFamilyOutputs = null) : PerDocumentStage
{
    public override string Name => nameof(ReleaseFamilyBullets);

    protected override Document? Process(Document document, StageContext context)
    {
        if (document.TryGet(JobFamilyKeys.Family, out var family) && family.BodyFacts is not null
            && (perFamilyOutputs is null || perFamilyOutputs.MayReleaseBullets(document, family)))
        {
            BulletRelease.Release(family);
        }

        return document;
    }
}
