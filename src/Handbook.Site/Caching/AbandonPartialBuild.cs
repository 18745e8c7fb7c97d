namespace Handbook.Site.Caching;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// A guard of a build that reuses families: it looks at each rebuilt page (restored ones are as stored) and abandons
/// the partial build at the first one that makes the restored families unsafe to use, so a full build runs instead.
/// The documents pass through unchanged.
/// </summary>
public abstract class AbandonPartialBuild(FamilyReuseSession session) : IStage
{
    public abstract string Name { get; }

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            if (!FamilyReuseSession.IsRestored(document) && ReasonToAbandon(document, session) is { } reason)
            {
                session.Abandon(reason);
                break;
            }
        }

        return Task.FromResult(documents);
    }

    /// <summary>Why <paramref name="document"/>, a rebuilt page, makes the partial build unsafe; null when it does not.</summary>
    protected abstract string? ReasonToAbandon(Document document, FamilyReuseSession session);
}
