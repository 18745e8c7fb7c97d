namespace Handbook.Site.Theming.Views;

/// <summary>
/// A family on a ladder page: <c>title</c>, <c>url</c>, <c>description</c>, <c>grade_range</c> ("6–9", "7" or nil),
/// <c>levels</c> and <c>specialties</c> (by grade), <c>career_links</c> (its Career Ladder links, including Mermaid click targets) and
/// <c>compare_url</c> (nil when it has fewer than two levels).
/// </summary>
public sealed record LadderFamilyView(string Title, string Url, string? Description, string? GradeRange, IReadOnlyList<LadderLevelView> Levels, IReadOnlyList<LadderLevelView> Specialties, IReadOnlyList<LinkView> CareerLinks, string? CompareUrl);
