namespace Handbook.Site.Caching;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;
using Handbook.Pipeline.Stages;

/// <summary>
/// After <c>ExpandExtendsStatements</c> in a build that reuses families: a rebuilt family whose statements now reach a
/// restored family (an edited statement found a new target) copied from a page without a tree, so the partial build
/// is abandoned and a full one runs.
/// </summary>
public sealed class CheckExtendsTargets(FamilyReuseSession session) : AbandonPartialBuild(session)
{
    public override string Name => nameof(CheckExtendsTargets);

    protected override string? ReasonToAbandon(Document document, FamilyReuseSession session) =>
        document.Metadata.Contains(JobFamilyKeys.Family) && !session.Plan.Covers(ExtendsTargets.Of(document, session.Key))
            ? $"{document.SourcePath} now extends a family that was restored"
            : null;
}

/// <summary>The family pages a page's extends statements reached (its dependencies from <c>ParseJobFamilies</c> on that are family pages).</summary>
internal static class ExtendsTargets
{
    public static IReadOnlyList<string> Of(Document document, FamilyReuseKey key) =>
        document.DependenciesOf()
            .Where(d => d.RecomputeFrom == nameof(ParseJobFamilies) && key.TextHashes.ContainsKey(d.Input))
            .Select(d => d.Input)
            .Order(StringComparer.Ordinal)
            .ToList();
}
