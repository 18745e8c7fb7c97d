namespace Handbook.Site.Theming.Views;

/// <summary>
/// A job-family page as <c>job-family.liquid</c> sees it (<c>family</c>). <c>body_html</c> is the rendered page body
/// (already sanitised; output it with <c>| raw</c>); everything else is plain text the encoder escapes.
/// <c>levels_anchor</c>/<c>specialties_anchor</c> are the ids of the "Levels"/"Specialties" headings, if any.
/// <c>children</c> lists the families in the folder this page heads (empty for ordinary pages, and when the page
/// content lists them itself).
/// </summary>
public sealed record FamilyView(
    string Title,
    string? Description,
    string Url,
    LinkView Department,
    IReadOnlyList<RoleView> Levels,
    IReadOnlyList<RoleView> Specialties,
    RoleView? PageRole,
    string? LevelsAnchor,
    string? SpecialtiesAnchor,
    bool HasGrades,
    string BodyHtml,
    IReadOnlyList<FamilySummaryView> Children)
{
    /// <summary>"Last changed" and the history link (null without history, and on historic pages).</summary>
    public Versions.Views.FamilyHistoryView? History { get; init; }
}
