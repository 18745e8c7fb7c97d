namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Stages;
using Handbook.Pipeline.Caching;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Incremental;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Caching;
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
/// Incremental runs: a page declares dependencies on the templates (<see cref="TemplatesInput"/>), on the index pages
/// whose titles its breadcrumbs and department link show, and on the families it lists; only pages that must be
/// recomputed are rendered again. The generated pages (indexes, grades, 404) are rendered again when their view data
/// changed (<see cref="GeneratedPageMemo"/>); when no recomputed page changed what they show, their views are not
/// even built (<see cref="GeneratedPagesReuse"/>).
/// <paramref name="fileSettings"/> (filled by <c>ReadSiteSettings</c> earlier in the build) supplies the "Edit this
/// page" links; without it, <see cref="SiteSettings.EditLinks"/> is used as given.
/// </remarks>
/// <param name="finishedPages">One-shot builds that write output: each page is staged as soon as it is rendered
/// (<see cref="StageFinishedPages.Finish"/>), so the pages are never all held at once (issue 9); null keeps them.</param>
/// <param name="perFamilyOutputs">One-shot builds that stage their output: right after a family's page is staged, the
/// outputs the late half makes of its bullets are made too (<see cref="PerFamilyOutputs.Record"/>), so its bullets can
/// go after this stage; null leaves them to the late half's stages.</param>
/// <param name="themePages">One-shot builds with <c>--cache</c> where families are reused: a family page whose views are
/// the same as when an earlier build staged it is left in place in the output instead of rendered
/// (<see cref="ThemePageCache"/>; after one commit most families are restored and their pages unchanged).</param>
public sealed class RenderTheme(Theme theme, SiteSettings settings, LoadedSiteSettings? fileSettings = null, StageFinishedPages? finishedPages = null, PerFamilyOutputs? perFamilyOutputs = null, ThemePageCache? themePages = null) : IStage
{
    /// <summary>The external input name of the theme's templates: pass it as changed when a template changed.</summary>
    public const string TemplatesInput = "theme:templates";

    /// <summary>The input-relative path of the site settings file (edit links); every page depends on it.</summary>
    public const string SettingsInput = "settings.yml";

    public string Name => nameof(RenderTheme);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var catalog = FamilyCatalog.For(documents, context);
        var gradeTable = documents.Select(d => d.TryGet(JobFamilyKeys.GradeTable, out var t) ? t : null).OfType<GradeTable>().FirstOrDefault();
        var effective = fileSettings is null ? settings : settings with { EditLinks = fileSettings.EditLinks };
        var views = new PageViews(catalog, effective) { GradeIndexExists = gradeTable is not null };

        var rendered = new Document[documents.Count];
        if (context.Incremental is { } incremental)
        {
            // An edit renders a handful of pages: found by path, not by asking about every document of the site.
            for (var i = 0; i < rendered.Length; i++)
            {
                rendered[i] = documents[i];
            }

            var positions = incremental.PositionsToProcess(documents);
            Parallel.For(
                0,
                positions.Count,
                new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
                k => rendered[positions[k]] = RenderIfPage(documents[positions[k]], catalog, views, finish: null, outputs: null, context.CancellationToken));
        }
        else
        {
            perFamilyOutputs?.Begin(catalog);
            Parallel.For(
                0,
                documents.Count,
                new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxDegreeOfParallelism },
                i => rendered[i] = RenderIfPage(documents[i], catalog, views, finishedPages, perFamilyOutputs, context.CancellationToken));
        }

        var unchanged = GeneratedPagesReuse.PreviousIfUnchanged(documents, context);
        IReadOnlyList<Document> result = [.. rendered, .. unchanged ?? Generate(catalog, gradeTable, views, context)];
        return Task.FromResult(result);
    }

    /// <summary>The generated pages, ordered by destination (each reused when its view did not change).</summary>
    private List<Document> Generate(FamilyCatalog catalog, GradeTable? gradeTable, PageViews views, StageContext context)
    {
        var memo = GeneratedPageMemo.From(context, TemplatesInput);
        var generated = new List<Document>();
        foreach (var department in catalog.Departments.Where(d => d.IndexPage is null))
        {
            generated.Add(memo.Page("job-families/" + department.Slug + "/", UrlPath.OutputFileOf(department.Url), department.Url, new(ThemeTemplates.Department, views.Site, views.PageOf(department), Values("department", views.DepartmentOf(department))), Render));
        }

        var section = new Dictionary<string, object?>
        {
            ["departments"] = catalog.Departments.Select(views.DepartmentOf).ToList(),
            ["family_count"] = catalog.Families.Count,
        };
        generated.Add(memo.Page("job-families/", UrlPath.OutputFileOf(PageViews.SectionUrl), PageViews.SectionUrl, new(ThemeTemplates.SectionIndex, views.Site, views.SectionPage(), section), Render));

        if (gradeTable is { } table)
        {
            var grades = new Dictionary<string, object?>
            {
                ["grades"] = PageViews.GradesOf(table),
                ["tracks"] = table.Tracks.Where(t => t.Id != GradeTable.GeneralTrackId).Select(t => t.Name).ToList(),
            };
            generated.Add(memo.Page(GradeTable.PageUrl.Trim('/'), UrlPath.OutputFileOf(GradeTable.PageUrl), GradeTable.PageUrl, new(ThemeTemplates.Grades, views.Site, views.GradesPage(), grades), Render));

            var index = GradeIndex.Build(catalog.Families.Select(f => f.Family), table);
            var byGrade = new Dictionary<string, object?>
            {
                ["grades"] = index.Grades.Reverse().ToList(), // highest first, as on the grade table page
                ["unknown_grades"] = index.UnknownGrades,
            };
            generated.Add(memo.Page(PageViews.GradeIndexUrl.Trim('/'), UrlPath.OutputFileOf(PageViews.GradeIndexUrl), PageViews.GradeIndexUrl, new(ThemeTemplates.GradeIndex, views.Site, views.GradeIndexPage(), byGrade), Render));
        }

        generated.Add(memo.Page("404.html", "404.html", sitemapUrl: null, new(ThemeTemplates.NotFound, views.Site, views.NotFoundPage(), new Dictionary<string, object?>()), Render));

        return generated.OrderBy(d => d.Destination, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The page of <paramref name="document"/> (or the document itself when it is not a page). With
    /// <paramref name="finish"/> (a one-shot build's staging) the page goes there straight from the buffer it was
    /// rendered into, so it is never a string unless it cannot be staged. With <paramref name="outputs"/> the family's
    /// other outputs are made once its page is staged (the page's buffer is free again).
    /// </summary>
    private Document RenderIfPage(Document document, FamilyCatalog catalog, PageViews views, StageFinishedPages? finish, PerFamilyOutputs? outputs, CancellationToken cancellationToken)
    {
        if (!document.TryGet(JobFamilyKeys.Family, out var family))
        {
            return document;
        }

        // A body kept as UTF-8 goes to the template as its bytes (Utf8HtmlValue), not decoded into a string first. A
        // deferred body is rendered here, on this page's thread, and its tree let go: it lives only while its page does.
        // It stays in this thread's buffer, which only the next body rendered on this thread reuses.
        byte[]? utf8 = null;
        ReadOnlyMemory<char>? buffered = null;
        string body;
        if (document.TryGet(JobFamilyKeys.DeferredBody, out var deferred))
        {
            // An empty body goes as the empty string, as RenderedBody gives a kept one.
            var rendered = deferred.Render();
            buffered = rendered.IsEmpty ? null : rendered;
            body = string.Empty;
        }
        else if (RenderedBody.TryGetUtf8(document, out var kept))
        {
            utf8 = kept;
            body = string.Empty;
        }
        else if (!RenderedBody.TryGet(document, out body))
        {
            return document;
        }

        var entry = FamilyCatalog.Entry(document, family, body);
        var isCanonical = family.FrontMatter.CanonicalPath is null || string.Equals(family.FrontMatter.CanonicalPath, family.Url, StringComparison.Ordinal);
        var page = document with { Destination = UrlPath.OutputFileOf(family.Url), Content = string.Empty };
        page = page.With(SiteKeys.IsHtmlPage, true).DependsOn([TemplatesInput, SettingsInput, .. ShownPages(family, catalog)]);
        page = isCanonical ? page.With(SiteKeys.SitemapUrl, family.Url) : page;
        ReadOnlyMemory<char> html;
        CacheKey? key = null;
        if (!family.IsDepartmentIndex)
        {
            var pageView = views.PageOf(family, outputs?.OccupationOf(family));
            var familyView = views.FamilyOf(entry) with { BodyHtmlUtf8 = utf8, BodyHtmlBuffered = buffered };
            key = finish is not null && themePages is not null ? themePages.Keys.ForFamilyPage(ThemeTemplates.JobFamily, views.Site, pageView, familyView) : null;
            if (key is not null && themePages!.TryStage(key, page, finish!, cancellationToken) is { } unchanged)
            {
                outputs?.Record(document, family, cancellationToken);
                return unchanged;
            }

            html = theme.RenderPageBuffered(ThemeTemplates.JobFamily, views.Site, pageView, Values("family", familyView));
        }
        else if (catalog.Departments.FirstOrDefault(d => d.IndexPage?.Family == family) is { } department)
        {
            // The page's own entry: a one-shot build's catalogue holds no bodies (kept as UTF-8, RenderedBody).
            html = theme.RenderPageBuffered(ThemeTemplates.Department, views.Site, views.PageOf(department), Values("department", views.DepartmentOf(department with { IndexPage = entry }) with { ContentHtmlUtf8 = utf8, ContentHtmlBuffered = buffered }));
        }
        else
        {
            html = theme.RenderPageBuffered(ThemeTemplates.Department, views.Site, views.FolderPageOf(family), Values("department", views.FolderOf(entry) with { ContentHtmlUtf8 = utf8, ContentHtmlBuffered = buffered }));
        }

        var finished = StageFinishedPages.FinishOrKeep(finish, page, html.Span, cancellationToken);
        if (key is not null)
        {
            themePages!.Remember(key, finished);
        }

        outputs?.Record(document, family, cancellationToken);
        return finished;
    }

    /// <summary>
    /// The other pages whose title or summary this page shows: folder index pages above it, families below it, and
    /// the previous and next family of its department.
    /// </summary>
    private static IEnumerable<string> ShownPages(JobFamily family, FamilyCatalog catalog)
    {
        var department = catalog.Departments.FirstOrDefault(d => string.Equals(d.Slug, family.Department, StringComparison.Ordinal))?.Families ?? [];
        for (var i = 0; i < department.Count; i++)
        {
            if (ReferenceEquals(department[i].Family, family))
            {
                if (i > 0)
                {
                    yield return department[i - 1].Family.SourcePath;
                }

                if (i < department.Count - 1)
                {
                    yield return department[i + 1].Family.SourcePath;
                }
            }
        }

        var segments = family.Slug.Split('/');
        for (var depth = 1; depth < segments.Length; depth++)
        {
            if (catalog.IndexPageOf(string.Join('/', segments[..depth])) is { } index)
            {
                yield return index.Family.SourcePath;
            }
        }

        foreach (var below in catalog.FamiliesBelow(family.Slug))
        {
            yield return below.Family.SourcePath;
        }
    }

    private string Render(GeneratedPageMemo.View view) => theme.RenderPage(view.Template, view.Site, view.Page, view.Values);

    private static Dictionary<string, object?> Values(string name, object value) => new() { [name] = value };
}
