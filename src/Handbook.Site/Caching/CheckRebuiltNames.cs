namespace Handbook.Site.Caching;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Reuse;
using Handbook.Pipeline.Documents;

/// <summary>
/// After <c>ParseJobFamilies</c> in a build that reuses families: when a rebuilt family's names (URL, title, roles,
/// sections: <see cref="FamilySignature"/>) differ from its stored ones, another page's extends statement could now
/// resolve differently, so the partial build is abandoned and a full one runs.
/// </summary>
public sealed class CheckRebuiltNames(FamilyReuseSession session) : AbandonPartialBuild(session)
{
    public override string Name => nameof(CheckRebuiltNames);

    protected override string? ReasonToAbandon(Document document, FamilyReuseSession session) =>
        document.TryGet(JobFamilyKeys.Family, out var family)
        && session.TryGetStoredSignature(document.SourcePath, out var stored)
        && !FamilySignature.Of(family).Matches(stored)
            ? $"the names of {document.SourcePath} changed"
            : null;
}
