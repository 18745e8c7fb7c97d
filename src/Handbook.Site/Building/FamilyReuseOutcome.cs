namespace Handbook.Site.Building;

/// <summary>
/// What per-family reuse did in a build with <c>--cache</c> that missed the whole-build cache: the family pages built
/// and those restored from the previous build's stored state (both sorted), and why every family was built, when it was.
/// </summary>
/// <param name="Built">Source paths of the families parsed, expanded and rendered.</param>
/// <param name="Restored">Source paths of the families taken from the stored state.</param>
/// <param name="FullBuildReason">Why no family was restored (no stored state, the build-wide key changed, a family's
/// names changed, …); null when some were.</param>
public sealed record FamilyReuseOutcome(IReadOnlyList<string> Built, IReadOnlyList<string> Restored, string? FullBuildReason);
