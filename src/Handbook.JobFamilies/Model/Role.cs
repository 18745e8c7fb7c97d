namespace Handbook.JobFamilies.Model;

using Handbook.Pipeline.Diagnostics;
using Markdig.Syntax;

/// <summary>
/// A level ("Senior Backend Engineer"), a specialty, or the single role of a one-role page, with its sections.
/// <see cref="StartLine"/>..<see cref="EndLine"/> (1-based, inclusive) is the part of the page the role covers, so
/// passes can attach things found anywhere in the page (grade links, extends statements) to the right role.
/// </summary>
public sealed class Role
{
    public required RoleKind Kind { get; init; }

    public required string Name { get; init; }

    public required string Anchor { get; init; }

    public required SourceLocation Location { get; init; }

    public HeadingBlock? Heading { get; init; }

    public required int StartLine { get; init; }

    public required int EndLine { get; set; }

    /// <summary>
    /// The role's own heading section when bullets stand right under the heading, before any of its sections ("###
    /// Data Platform" under "## Specialties" with a list and nothing else). The page calls them neither
    /// responsibilities nor requirements, so they are kept apart instead of guessed into one of those.
    /// </summary>
    public Section? Overview { get; set; }

    public Section? Responsibilities { get; set; }

    public Section? Requirements { get; set; }

    public Section? NiceToHaves { get; set; }

    public Section? PerformanceIndicators { get; set; }

    public Section? JobGrade { get; set; }

    /// <summary>Every section under the role, in page order (including the ones above).</summary>
    public List<Section> Sections { get; } = [];

    /// <summary>The grade of this role, filled by the grades pass (null until then, or when the page has none).</summary>
    public GradeAssignment? Grade { get; set; }

    /// <summary>The roles this one extends, filled by the extends pass.</summary>
    public List<ExtendsLink> Extends { get; } = [];
}
