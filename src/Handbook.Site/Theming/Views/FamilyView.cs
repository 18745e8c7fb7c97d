namespace Handbook.Site.Theming.Views;

/// <summary>
/// A job-family page as <c>job-family.liquid</c> sees it (<c>family</c>). <c>body_html</c> is the rendered page body
/// (already sanitised; output it with <c>| raw</c>); everything else is plain text the encoder escapes.
/// <c>levels_anchor</c>/<c>specialties_anchor</c> are the ids of the "Levels"/"Specialties" headings, if any.
/// <c>children</c> lists the families in the folder this page heads (empty for ordinary pages, and when the page
/// content lists them itself).
/// Navigation (reader-nav): <c>toc</c> (list of <c>TocEntryView</c>), <c>glance</c> (rows of "Levels at a glance"),
/// <c>previous</c>/<c>next</c> (the neighbouring families in the department, <c>link</c> or nil),
/// <c>edit_url</c> (the source file in the repository's web editor, or nil), <c>grade_index_url</c> (the reverse
/// grade index, nil when the site has none or the family has no grades) and <c>source_path</c> (input-relative).
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

    public IReadOnlyList<TocEntryView> Toc { get; init; } = [];

    public IReadOnlyList<GlanceRowView> Glance { get; init; } = [];

    public LinkView? Previous { get; init; }

    public LinkView? Next { get; init; }

    public string? EditUrl { get; init; }

    public string? GradeIndexUrl { get; init; }

    public string? SourcePath { get; init; }

    /// <summary>
    /// The body as UTF-8 when the build keeps it so (one-shot builds); then <c>body_html</c> is these bytes, written
    /// without a decoded copy (<c>Utf8BodyBinding</c>), and <see cref="BodyHtml"/> is not used.
    /// </summary>
    public byte[]? BodyHtmlUtf8 { get; init; }

    /// <summary>
    /// The body as rendered for this page on this thread (one-shot builds without versions, <c>DeferredBody</c>): then
    /// <c>body_html</c> is this text, written from the buffer it was sanitised into (<c>Utf8BodyBinding</c>), and
    /// <see cref="BodyHtml"/> and <see cref="BodyHtmlUtf8"/> are not used. Valid only while the page renders; never
    /// stored (the version cache stores no current page).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReadOnlyMemory<char>? BodyHtmlBuffered { get; init; }
}
