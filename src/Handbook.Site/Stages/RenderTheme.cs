namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;
using Handbook.Site.Urls;

/// <summary>
/// Renders every parsed page through the theme and adds the pages the input does not have: a page per department
/// without an index page, the section index <c>/job-families/</c>, the grade table page (when there is grade data)
/// and <c>404.html</c>. Works on the whole set because
/// list pages and breadcrumbs need every family. Documents that are not pages pass through unchanged.
/// </summary>
/// <remarks>
/// <paramref name="fileSettings"/> (filled by <c>ReadSiteSettings</c> earlier in the build) supplies the "Edit this
/// page" links; without it, <see cref="SiteSettings.EditLinks"/> is used as given.
/// </remarks>
public sealed class RenderTheme(Theme theme, SiteSettings settings, LoadedSiteSettings? fileSettings = null) : IStage
{
    public string Name => nameof(RenderTheme);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var catalog = FamilyCatalog.From(documents);
        var gradeTable = documents.Select(d => d.TryGet(JobFamilyKeys.GradeTable, out var t) ? t : null).OfType<GradeTable>().FirstOrDefault();
        var effective = fileSettings is null ? settings : settings with { EditLinks = fileSettings.EditLinks };
        var views = new PageViews(catalog, effective) { GradeIndexExists = gradeTable is not null };

        var rendered = new Document[documents.Count];
        Parallel.For(
            0,
            documents.Count,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
            i => rendered[i] = RenderIfPage(documents[i], catalog, views));

        var generated = new List<Document>();
        foreach (var department in catalog.Departments.Where(d => d.IndexPage is null))
        {
            var html = theme.RenderPage(ThemeTemplates.Department, views.Site, views.PageOf(department), Values("department", views.DepartmentOf(department)));
            generated.Add(Page("job-families/" + department.Slug + "/", department.Url, html, inSitemap: true));
        }

        var sectionHtml = theme.RenderPage(
            ThemeTemplates.SectionIndex,
            views.Site,
            views.SectionPage(),
            new Dictionary<string, object?>
            {
                ["departments"] = catalog.Departments.Select(views.DepartmentOf).ToList(),
                ["family_count"] = catalog.Families.Count,
            });
        generated.Add(Page("job-families/", PageViews.SectionUrl, sectionHtml, inSitemap: true));

        if (gradeTable is { } table)
        {
            var gradesHtml = theme.RenderPage(ThemeTemplates.Grades, views.Site, views.GradesPage(), new Dictionary<string, object?>
            {
                ["grades"] = PageViews.GradesOf(table),
                ["tracks"] = table.Tracks.Where(t => t.Id != GradeTable.GeneralTrackId).Select(t => t.Name).ToList(),
            });
            generated.Add(Page(GradeTable.PageUrl.Trim('/'), GradeTable.PageUrl, gradesHtml, inSitemap: true));

            var index = GradeIndex.Build(catalog.Families.Select(f => f.Family), table);
            var indexHtml = theme.RenderPage(ThemeTemplates.GradeIndex, views.Site, views.GradeIndexPage(), new Dictionary<string, object?>
            {
                ["grades"] = index.Grades.Reverse().ToList(), // highest first, as on the grade table page
                ["unknown_grades"] = index.UnknownGrades,
            });
            generated.Add(Page(PageViews.GradeIndexUrl.Trim('/'), PageViews.GradeIndexUrl, indexHtml, inSitemap: true));
        }

        var notFoundHtml = theme.RenderPage(ThemeTemplates.NotFound, views.Site, views.NotFoundPage(), new Dictionary<string, object?>());
        generated.Add(new Document("404.html", "404.html", notFoundHtml, Metadata.Empty).With(SiteKeys.IsHtmlPage, true));

        IReadOnlyList<Document> result = [.. rendered, .. generated.OrderBy(d => d.Destination, StringComparer.Ordinal)];
        return Task.FromResult(result);
    }

    private Document RenderIfPage(Document document, FamilyCatalog catalog, PageViews views)
    {
        if (!document.TryGet(JobFamilyKeys.Family, out var family) || !document.TryGet(JobFamilyKeys.BodyHtml, out var body))
        {
            return document;
        }

        var entry = FamilyCatalog.Entry(document, family, body);
        string html;
        if (!family.IsDepartmentIndex)
        {
            html = theme.RenderPage(ThemeTemplates.JobFamily, views.Site, views.PageOf(family), Values("family", views.FamilyOf(entry)));
        }
        else if (catalog.Departments.FirstOrDefault(d => d.IndexPage?.Family == family) is { } department)
        {
            html = theme.RenderPage(ThemeTemplates.Department, views.Site, views.PageOf(department), Values("department", views.DepartmentOf(department)));
        }
        else
        {
            html = theme.RenderPage(ThemeTemplates.Department, views.Site, views.FolderPageOf(family), Values("department", views.FolderOf(entry)));
        }

        var isCanonical = family.FrontMatter.CanonicalPath is null || string.Equals(family.FrontMatter.CanonicalPath, family.Url, StringComparison.Ordinal);
        var page = document with { Destination = UrlPath.OutputFileOf(family.Url), Content = html };
        page = page.With(SiteKeys.IsHtmlPage, true);
        return isCanonical ? page.With(SiteKeys.SitemapUrl, family.Url) : page;
    }

    private static Document Page(string sourcePath, string url, string html, bool inSitemap)
    {
        var page = new Document(sourcePath, UrlPath.OutputFileOf(url), html, Metadata.Empty).With(SiteKeys.IsHtmlPage, true);
        return inSitemap ? page.With(SiteKeys.SitemapUrl, url) : page;
    }

    private static Dictionary<string, object?> Values(string name, object value) => new() { [name] = value };
}
