namespace Handbook.Site.Theming;

using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Collections;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Metadata;
using Handbook.Site.Navigation;
using Handbook.Site.Theming.Views;
using Handbook.Site.Urls;

/// <summary>
/// Builds the plain view objects templates receive from the parsed model. Templates never see model classes, so
/// the theme's contract (documented in README.md) does not change when the model grows.
/// </summary>
public sealed class PageViews(FamilyCatalog catalog, SiteSettings settings)
{
    public const string SectionUrl = "/job-families/";

    public SiteView Site { get; } = new(settings.Title, settings.BaseUrl, "/assets/site.css", SectionUrl) { ChangesFeedUrl = settings.ChangesFeedUrl };

    /// <summary>The vendored Mermaid bundle (theme/assets/vendor/mermaid); it renders <c>pre.mermaid</c> blocks on load.</summary>
    public const string MermaidScript = "/assets/vendor/mermaid/mermaid.min.js";

    /// <summary>True when the build generates the reverse grade index (it has grade data), so pages may link to it.</summary>
    public bool GradeIndexExists { get; init; }

    /// <summary>The page scripts of every family page: the TOC's current-section marker and print preparation.</summary>
    public static readonly IReadOnlyList<string> FamilyScripts = ["/assets/reader-nav.js"];

    /// <summary>
    /// A job family's page: an article with the family's <c>Occupation</c> JSON-LD and the reader scripts. For a family
    /// whose bullets may be gone the JSON-LD lists <paramref name="occupation"/> (kept before they went); null reads the
    /// bullets.
    /// </summary>
    /// <remarks>
    /// Built on <see cref="TrailOf(JobFamily)"/> like <see cref="FolderPageOf"/>, not on it: the folder page's breadcrumb
    /// JSON-LD would be serialised for every family page only to be replaced (issue 9).
    /// </remarks>
    public PageView PageOf(JobFamily family, OccupationItems? occupation = null)
    {
        var page = TrailOf(family);
        return page with
        {
            Scripts = MermaidBlocks.Any(family) ? [.. FamilyScripts, MermaidScript] : FamilyScripts,
            OgType = "article",
            JsonLd = StructuredData.ForFamily(family, DepartmentTitle(family.Department), page.Breadcrumbs, page.CanonicalUrl, settings.BaseUrl, occupation),
        };
    }

    /// <summary>The page of a folder index below a department (rendered with the department template).</summary>
    public PageView FolderPageOf(JobFamily family) =>
        WithJsonLd(TrailOf(family) with { Scripts = MermaidBlocks.Any(family) ? [MermaidScript] : [] });

    /// <summary>
    /// A family page's title, description, URLs and breadcrumbs only: what a page below it (compare) builds on,
    /// without the JSON-LD and the scan for diagrams that only the page itself needs.
    /// </summary>
    public PageView TrailOf(JobFamily family) =>
        new(
            family.Title,
            family.Description,
            UrlPath.Encode(family.Url),
            UrlPath.Absolute(settings.BaseUrl, family.FrontMatter.CanonicalPath ?? family.Url),
            Breadcrumbs(family.Slug, family.Title));

    public PageView PageOf(Department department) =>
        WithJsonLd(TrailOf(department) with
        {
            Scripts = department.IndexPage is { } index && MermaidBlocks.Any(index.Family) ? [MermaidScript] : [],
        });

    /// <summary>A department page's title, description, URLs and breadcrumbs only (see <see cref="TrailOf(JobFamily)"/>).</summary>
    public PageView TrailOf(Department department) =>
        new(
            department.Title,
            department.IndexPage?.Family.Description,
            UrlPath.Encode(department.Url),
            UrlPath.Absolute(settings.BaseUrl, department.IndexPage?.Family.FrontMatter.CanonicalPath ?? department.Url),
            Breadcrumbs(department.Slug, department.Title));

    public PageView SectionPage() =>
        new(settings.Title, "All job families, grouped by department.", SectionUrl, UrlPath.Absolute(settings.BaseUrl, SectionUrl), [new LinkView(settings.Title, null)]);

    /// <summary>A page with its breadcrumb trail as schema.org JSON-LD.</summary>
    public PageView WithJsonLd(PageView page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page with { JsonLd = StructuredData.ForPage(page.Breadcrumbs, page.CanonicalUrl, settings.BaseUrl) };
    }

    public PageView NotFoundPage() =>
        new("Page not found", null, "/404.html", UrlPath.Absolute(settings.BaseUrl, "/404.html"), [new LinkView(settings.Title, SectionUrl), new LinkView("Page not found", null)]);

    public PageView GradesPage() =>
        WithJsonLd(new("Job grades", "The job grades of every job family, with their titles in each track.", GradeTable.PageUrl, UrlPath.Absolute(settings.BaseUrl, GradeTable.PageUrl), [new LinkView(settings.Title, SectionUrl), new LinkView("Job grades", null)]));

    /// <summary>The URL of the reverse grade index.</summary>
    public const string GradeIndexUrl = LevelsAtAGlance.GradeIndexUrl;

    public PageView GradeIndexPage() =>
        WithJsonLd(new("Job families by grade", "Every level and specialty of every job family, by grade.", GradeIndexUrl, UrlPath.Absolute(settings.BaseUrl, GradeIndexUrl), [new LinkView(settings.Title, SectionUrl), new LinkView("By grade", null)]));

    /// <summary>The grades from highest to lowest, as compensation tables list them.</summary>
    public static IReadOnlyList<GradeRowView> GradesOf(GradeTable table) =>
        // Descending by a stable sort (equal ids keep their order, as OrderByDescending kept them), not LINQ's sorter over
        // the GradeId key, which is JIT-compiled in every build (see StableSort).
        StableSort.ToSortedList(table.Grades, ByIdDescending)
            .Select(g => new GradeRowView(
                g.Id.Text,
                g.Id.Anchor,
                g.Title,
                table.Tracks
                    .Where(t => t.Id != GradeTable.GeneralTrackId && g.Titles.ContainsKey(t.Id))
                    .Select(t => new TrackTitleView(t.Name, g.Titles[t.Id]))
                    .ToList(),
                g.CareerTrack,
                g.Equivalent,
                g.Note))
            .ToList();

    private static int ByIdDescending(Grade x, Grade y) => GradeTable.ById(y, x);

    /// <summary>
    /// What <see cref="FamilyOf"/> reads of the build besides the page itself and its grade tables: the departments'
    /// titles (the department link), whether the grade index exists and the edit links. Part of the version render
    /// cache's key (<see cref="Versions.VersionRenderCache.KeyOf"/>): a historic version is rendered with this build's
    /// views, so retitling a department changes every version that shows it.
    /// </summary>
    public string FamilyViewSurroundings()
    {
        var text = new System.Text.StringBuilder();
        foreach (var department in catalog.Departments)
        {
            text.Append(department.Slug).Append('\t').Append(department.Title).Append('\n');
        }

        return text.Append("grade-index:").Append(GradeIndexExists).Append("\nedit-links:").Append(settings.EditLinks?.ToString()).ToString();
    }

    // Versions are rendered with this method and cached by their inputs: whatever it reads beyond the entry and the
    // grade tables (the catalog, the settings) must be in FamilyViewSurroundings, or a cached version goes stale.
    public FamilyView FamilyOf(CatalogEntry entry)
    {
        var family = entry.Family;
        var roles = family.Roles.ToList();
        var glance = LevelsAtAGlance.Rows(family, GradeIndexExists);
        var (previous, next) = FamilyNeighbours.Of(catalog, family);
        return new FamilyView(
            family.Title,
            family.Description,
            UrlPath.Encode(family.Url),
            new LinkView(DepartmentTitle(family.Department), UrlPath.Encode(SectionUrl + family.Department + "/")),
            family.Levels.Select(RoleOf).ToList(),
            family.Specialties.Select(RoleOf).ToList(),
            family.PageRole is null ? null : RoleOf(family.PageRole),
            AnchorOf(family.Sections, SectionKind.Levels),
            AnchorOf(family.Sections, SectionKind.Specialties),
            roles.Any(r => r.Grade is not null),
            entry.BodyHtml,
            entry.ListsOwnFamilies ? [] : catalog.FamiliesBelow(family.Slug).Select(SummaryOf).ToList())
        {
            Toc = TableOfContents.Of(family, withGlance: glance.Count > 0),
            Glance = glance,
            Previous = previous,
            Next = next,
            EditUrl = settings.EditLinks?.UrlOf(family.SourcePath),
            GradeIndexUrl = GradeIndexExists && roles.Any(r => r.Grade is { Resolved: true }) ? GradeIndexUrl : null,
            SourcePath = family.SourcePath,
            History = HistoryOf(entry.Versions),
        };
    }

    // The current page's "last changed" block (versions from git history; null without).
    private static Versions.Views.FamilyHistoryView? HistoryOf(Versions.PublishedVersions? versions) =>
        versions?.Latest is not { } latest
            ? null
            : new(Versions.VersionDates.Day(latest.Date), Versions.VersionDates.Iso(latest.Date), UrlPath.Encode(versions.HistoryUrl), versions.Versions.Count);

    public DepartmentView DepartmentOf(Department department) =>
        new(
            department.Slug,
            department.Title,
            UrlPath.Encode(department.Url),
            department.IndexPage?.BodyHtml,
            department.Families.Select(SummaryOf).ToList(),
            department.Families.Count,
            department.IndexPage?.ListsOwnFamilies ?? false)
        {
            Description = department.IndexPage?.Family.Description,
            EditUrl = department.IndexPage is { } index ? settings.EditLinks?.UrlOf(index.Family.SourcePath) : null,
        };

    /// <summary>A folder index page below a department (e.g. <c>engineering/development/backend/index.html.md</c>).</summary>
    public DepartmentView FolderOf(CatalogEntry indexPage)
    {
        var families = catalog.FamiliesBelow(indexPage.Family.Slug);
        return new DepartmentView(indexPage.Family.Slug, indexPage.Family.Title, UrlPath.Encode(indexPage.Family.Url), indexPage.BodyHtml, families.Select(SummaryOf).ToList(), families.Count, indexPage.ListsOwnFamilies)
        {
            Description = indexPage.Family.Description,
            EditUrl = settings.EditLinks?.UrlOf(indexPage.Family.SourcePath),
        };
    }

    public static FamilySummaryView SummaryOf(CatalogEntry entry) =>
        new(entry.Family.Title, entry.Family.Description, UrlPath.Encode(entry.Family.Url));

    private static RoleView RoleOf(Role role) =>
        new(
            role.Name,
            role.Anchor,
            LevelsAtAGlance.GradeOf(role),
            role.Extends.Select(e => new LinkView(e.Role, UrlPath.Encode(e.Url))).ToList());

    private static string? AnchorOf(IEnumerable<Section> sections, SectionKind kind)
    {
        foreach (var section in sections)
        {
            if (section.Kind == kind && section.Anchor.Length > 0)
            {
                return section.Anchor;
            }

            if (AnchorOf(section.Children, kind) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private string DepartmentTitle(string slug) => BreadcrumbTrail.DepartmentTitle(catalog, slug);

    private IReadOnlyList<LinkView> Breadcrumbs(string slug, string title) => BreadcrumbTrail.Of(catalog, settings.Title, slug, title);
}
