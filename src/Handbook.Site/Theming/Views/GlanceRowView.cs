namespace Handbook.Site.Theming.Views;

/// <summary>
/// A row of the "Levels at a glance" table: the <c>level</c> and its <c>anchor</c>, its <c>grade</c> (or nil; the
/// badge links to the grade table) and <c>grade_index_url</c>, the grade's entry in the reverse grade index
/// <c>/job-families/grades/</c> (every role at that grade; nil when the grade is unknown or there is no index).
/// </summary>
public sealed record GlanceRowView(string Level, string Anchor, GradeView? Grade, string? GradeIndexUrl);
