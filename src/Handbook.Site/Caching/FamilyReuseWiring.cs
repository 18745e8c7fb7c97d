namespace Handbook.Site.Caching;

using Handbook.JobFamilies.Stages;
using Handbook.Pipeline;

/// <summary>
/// Puts per-family reuse into a build with <c>--cache</c> that missed the whole-build cache (issue 9): restored pages
/// go in before <c>ReadFrontMatter</c>, each first-half stage runs through <see cref="HidingRestoredFamilies"/>, two
/// checks end a partial build whose rebuilt families changed what other pages resolve to, and every family's state is
/// stored after <c>RenderBodyHtml</c>. Only adds and wraps stages: the stages themselves are unchanged.
/// </summary>
public static class FamilyReuseWiring
{
    /// <summary>The first half's stages, and whether each reads every page (ERB listings, extends lookups).</summary>
    private static readonly (string Stage, bool ShowsRestored)[] FirstHalf =
    [
        (nameof(ReadFrontMatter), false),
        (nameof(ExpandErb), true),
        (nameof(ParseJobFamilies), false),
        (nameof(CheckKramdownSyntax), false),
        (nameof(CheckContentSafety), false),
        (nameof(ResolveGrades), false),
        (nameof(ExpandExtendsStatements), true),
        (nameof(AddGradeBadges), false),
        (nameof(RenderBodyHtml), false),
    ];

    /// <param name="site">A one-shot site composed with its job-families stages.</param>
    /// <param name="firstStage">The stage the restored pages go in after (the first stage of the run).</param>
    public static void AddTo(Site site, FamilyReuseSession session, string firstStage)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(session);
        foreach (var (name, showsRestored) in FirstHalf)
        {
            var stage = site.Stages.First(s => string.Equals(s.Name, name, StringComparison.Ordinal));
            site.ReplaceStage(name, new HidingRestoredFamilies(stage, session, showsRestored));
        }

        site.AddStageAfter(firstStage, new RestoreStoredFamilies(session));
        site.AddStageAfter(nameof(ParseJobFamilies), new CheckRebuiltNames(session));
        site.AddStageAfter(nameof(ExpandExtendsStatements), new CheckExtendsTargets(session));
        site.AddStageAfter(nameof(RenderBodyHtml), new StoreFamilyStates(session));
    }
}
