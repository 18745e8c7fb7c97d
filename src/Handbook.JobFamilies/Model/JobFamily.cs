namespace Handbook.JobFamilies.Model;

using Markdig.Syntax;

/// <summary>
/// One job-family page: identity (paths, URL, department), front matter, the Markdig AST of the body (with line
/// numbers of the original file) and the structure found in it. Department index pages
/// (<c>job-families/&lt;dept&gt;/index.html.md</c>) are job families with <see cref="IsDepartmentIndex"/> set.
/// </summary>
public sealed class JobFamily
{
    /// <summary>Input-relative source path, '/'-separated, e.g. <c>job-families/sales/solutions-architect.md</c>.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The path below <c>job-families/</c> without extension or <c>/index.html.md</c>, e.g. <c>sales/solutions-architect</c>.</summary>
    public required string Slug { get; init; }

    /// <summary>First folder under <c>job-families/</c>, e.g. <c>sales</c>.</summary>
    public required string Department { get; init; }

    /// <summary>Pretty URL, e.g. <c>/job-families/sales/solutions-architect/</c>.</summary>
    public required string Url { get; init; }

    public required bool IsDepartmentIndex { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required FrontMatter FrontMatter { get; init; }

    public required MarkdownDocument Body { get; init; }

    /// <summary>
    /// What later stages read from <see cref="Body"/>, on a copy whose tree was let go (one-shot builds:
    /// <see cref="SyntaxTreeRelease"/>); null while the tree is there.
    /// </summary>
    public BodyFacts? BodyFacts { get; init; }

    /// <summary>Maps AST positions back to files (ERB partials); use <see cref="Locate"/> for every diagnostic.</summary>
    public required SourceMap SourceMap { get; init; }

    /// <summary>The 1-based source location of a Markdig 0-based line/column in <see cref="Body"/>.</summary>
    public Handbook.Pipeline.Diagnostics.SourceLocation Locate(int zeroBasedLine, int zeroBasedColumn) =>
        SourceMap.Locate(zeroBasedLine, zeroBasedColumn);

    public List<Role> Levels { get; } = [];

    public List<Role> Specialties { get; } = [];

    /// <summary>
    /// The role the page itself describes: Responsibilities / Requirements / Job Grade sections that are not under
    /// any level or specialty (a single-role page, or T1's shared part above the levels, so it can exist beside
    /// <see cref="Levels"/>). Named after the page title, empty anchor, covers the whole page.
    /// </summary>
    public Role? PageRole { get; set; }

    public Section? PerformanceIndicators { get; set; }

    public Section? CareerLadder { get; set; }

    public Section? HiringProcess { get; set; }

    /// <summary>
    /// What this page's grade resolution read from the grade table (the track and every grade id looked up), set by
    /// <see cref="Grades.GradeResolver"/>; null while grades were not resolved in this process (before
    /// <c>ResolveGrades</c>, or a family restored from the build cache). A version rendered against another table whose
    /// tracks, and whose answers to these lookups, are the same renders alike (issue 9: versions take the current page's
    /// result then).
    /// </summary>
    public Grades.GradeLookups? GradeLookups { get; set; }

    /// <summary>Top-level sections of the page in order (each with its children).</summary>
    public List<Section> Sections { get; } = [];

    /// <summary>All roles: levels, then specialties, then the page role.</summary>
    public IEnumerable<Role> Roles =>
        Levels.Concat(Specialties).Concat(PageRole is null ? [] : [PageRole]);
}
