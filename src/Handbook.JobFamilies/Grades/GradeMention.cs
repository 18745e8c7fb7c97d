namespace Handbook.JobFamilies.Grades;

using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// One place where a page states a grade (or links to the grade table). <see cref="Line"/> and <see cref="Column"/>
/// are Markdig's 0-based position of the grade text (for a link: the first character of its text), so
/// <c>family.Locate(Line, Column)</c> gives the diagnostic location.
/// </summary>
public sealed class GradeMention
{
    public required GradeMentionForm Form { get; init; }

    /// <summary>The grade numbers stated (several for "grade 11 or a grade 12"; empty for <c>[grade]</c> or non-grade link text).</summary>
    public required IReadOnlyList<GradeId> Values { get; init; }

    /// <summary>The link text or matched text as written.</summary>
    public required string Text { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    /// <summary>The block holding the mention (a paragraph, heading or table cell paragraph).</summary>
    public required LeafBlock Block { get; init; }

    /// <summary>The inline the mention starts in: the link, the literal or the emphasis.</summary>
    public required Inline Node { get; init; }

    /// <summary>The link, when the grade is linked (also for a malformed link Markdig still parsed as a link).</summary>
    public LinkInline? Link { get; init; }

    public bool IsLinked => Link is not null;

    /// <summary>What the link URL points at (<see cref="CalculatorLinkKind.NotCalculator"/> for unlinked mentions).</summary>
    public CalculatorLinkKind Target { get; init; }

    /// <summary>False for a calculator link whose text is not a grade ("here", "compensation model").</summary>
    public bool HasGradeText { get; init; } = true;

    /// <summary>
    /// A calculator link whose text names the grades in general ("[Job Grades](…#gitlab-job-grades)"): a pointer to
    /// the table, neither a role's grade nor a grade link missing its number.
    /// </summary>
    public bool IsTableReference { get; init; }

    /// <summary>
    /// The text says "grade" but gives no number (<c>[grade](…)</c>), and the sentence does not say there is none
    /// ("is not aligned to a job [grade](…)").
    /// </summary>
    public bool MissingNumber => HasGradeText && Values.Count == 0 && !SaysNoGrade;

    /// <summary>The sentence before a number-less grade link negates it: "… is not aligned to a job [grade](…)".</summary>
    public bool SaysNoGrade { get; init; }

    /// <summary>For <c>[grade](…) 6</c>: the number written right after the link.</summary>
    public GradeId? NumberAfterLink { get; init; }

    /// <summary>The last grade of a range the text names ("grade 7-8": 8; the mention's value is 7); null otherwise.</summary>
    public GradeId? RangeEnd { get; init; }

    /// <summary>The role the sentence names: "The Senior Analyst is a grade 7" → "Senior Analyst".</summary>
    public string? Subject { get; init; }

    /// <summary>For a grade in a table row: the row's level cell.</summary>
    public GradeTableRow? Row { get; init; }

    /// <summary>Where the mention is in the page's source files (partials and front matter accounted for).</summary>
    public Handbook.Pipeline.Diagnostics.SourceLocation LocationIn(Handbook.JobFamilies.Model.JobFamily family) => family.Locate(Line, Column);

    /// <summary>The role the resolver attached this mention to (null before resolving, or when it fits no role).</summary>
    public Handbook.JobFamilies.Model.Role? AttachedTo { get; internal set; }

    /// <summary>The values the mention asserts: <see cref="Values"/>, or the number after a <c>[grade]</c> link.</summary>
    public IReadOnlyList<GradeId> EffectiveValues =>
        Values.Count > 0 ? Values : NumberAfterLink is { } after ? [after] : [];
}

/// <summary>The level cell of a table row holding a grade: its text and, when it is a link, the link target.</summary>
public sealed record GradeTableRow(string LevelName, string? LevelTarget);
