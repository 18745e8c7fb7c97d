namespace Handbook.JobFamilies.Extends;

/// <summary>
/// A role on another page whose name is near enough to a name an "extends" statement gives (cost at most the
/// resolver's cross-page limit). A class rather than a value tuple: see <see cref="ExtendsResolver"/>'s cross-page search.
/// </summary>
internal sealed record CrossPageCandidate(ExtendsNode Node, double Cost);
