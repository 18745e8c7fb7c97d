namespace Handbook.Site.Caching;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Reuse;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// After <c>ParseJobFamilies</c> in a build that reuses families: when a rebuilt family's names (URL, title, roles,
/// sections: <see cref="FamilySignature"/>) differ from its stored ones, another page's extends statement could now
/// resolve differently, so the partial build is abandoned and a full one runs.
/// </summary>
public sealed class CheckRebuiltNames(FamilyReuseSession session) : IStage
{
    public string Name => nameof(CheckRebuiltNames);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            if (!FamilyReuseSession.IsRestored(document)
                && document.TryGet(JobFamilyKeys.Family, out var family)
                && session.TryGetStoredSignature(document.SourcePath, out var stored)
                && !FamilySignature.Of(family).Matches(stored))
            {
                session.Abandon($"the names of {document.SourcePath} changed");
                break;
            }
        }

        return Task.FromResult(documents);
    }
}
