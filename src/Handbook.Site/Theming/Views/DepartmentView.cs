namespace Handbook.Site.Theming.Views;

/// <summary>
/// A department or folder page (<c>department</c>): its <c>slug</c> (path below <c>job-families/</c>), title and URL, its own rendered content when the input has an
/// index page for it (<c>content_html</c>, null otherwise; output with <c>| raw</c>), and its families.
/// <c>content_lists_families</c> is true when that content already lists them (ERB <c>job_families</c>).
/// <c>description</c> is the index page's front matter description (nil without one), shown on the section index;
/// <c>edit_url</c> opens the index page's source in the repository's web editor (nil: not configured or generated).
/// </summary>
public sealed record DepartmentView(string Slug, string Title, string Url, string? ContentHtml, IReadOnlyList<FamilySummaryView> Families, int FamilyCount, bool ContentListsFamilies)
{
    public string? Description { get; init; }

    public string? EditUrl { get; init; }

    /// <summary>The index page's content as UTF-8 (one-shot builds); then <c>content_html</c> is these bytes, as <see cref="FamilyView.BodyHtmlUtf8"/>.</summary>
    public byte[]? ContentHtmlUtf8 { get; init; }

    /// <summary>The index page's content as rendered for this page on this thread; then <c>content_html</c> is this text, as <see cref="FamilyView.BodyHtmlBuffered"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReadOnlyMemory<char>? ContentHtmlBuffered { get; init; }
}
