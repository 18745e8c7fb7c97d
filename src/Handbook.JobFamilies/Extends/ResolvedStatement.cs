namespace Handbook.JobFamilies.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// A statement whose targets were found. <see cref="Owner"/> is the role (or general sections) that inherits;
/// <see cref="Targets"/> are what it inherits from – all of them, or one of them when <see cref="IsChoice"/>.
/// </summary>
public sealed record ResolvedStatement(
    FoundStatement Found,
    ExtendsNode Owner,
    IReadOnlyList<ExtendsNode> Targets,
    bool IsChoice,
    IReadOnlyList<SectionKind> Sections);

/// <summary>Everything the resolver found, in a deterministic order (families as given, statements in page order).</summary>
public sealed class ExtendsResolution(IReadOnlyList<FoundStatement> found, IReadOnlyList<ResolvedStatement> resolved)
{
    /// <summary>Every recognised statement, resolved or not.</summary>
    public IReadOnlyList<FoundStatement> Found { get; } = found;

    /// <summary>The statements that resolved to at least one target (after dropping self-references and cycles).</summary>
    public IReadOnlyList<ResolvedStatement> Resolved { get; } = resolved;

    /// <summary>
    /// How many links between roles were dropped to break cycles (EXTENDS002). Which link of a cycle goes depends on
    /// the order the statements of every family are visited in, so a resolution over part of the site with a broken
    /// cycle may differ from the whole site's (<see cref="BatchFamilyLookup"/>).
    /// </summary>
    public int BrokenCycles { get; init; }

    /// <summary>
    /// Statements whose every target is a role of another site (a link outside the site whose text fits only the
    /// statement's own role): not expanded, and their bullets are ordinary bullets, inherited like any other.
    /// </summary>
    public IReadOnlySet<FoundStatement> PointingOutside { get; init; } = new HashSet<FoundStatement>();
}
