namespace Handbook.Site.Navigation;

using Handbook.Site.Catalog;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;
using Handbook.Site.Urls;

/// <summary>
/// The breadcrumb trail of a page: the section index › the department › each folder page that exists on the way ›
/// the page itself (last, with no URL: the layout marks it <c>aria-current="page"</c>).
/// </summary>
public static class BreadcrumbTrail
{
    public static IReadOnlyList<LinkView> Of(FamilyCatalog catalog, string sectionTitle, string slug, string title)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(slug);
        var crumbs = new List<LinkView> { new(sectionTitle, PageViews.SectionUrl) };
        var segments = slug.Split('/');
        for (var depth = 1; depth < segments.Length; depth++)
        {
            var folder = string.Join('/', segments[..depth]);
            if (depth == 1)
            {
                crumbs.Add(new LinkView(DepartmentTitle(catalog, folder), UrlPath.Encode(PageViews.SectionUrl + folder + "/")));
            }
            else if (catalog.IndexPageOf(folder) is { } folderPage)
            {
                crumbs.Add(new LinkView(folderPage.Family.Title, UrlPath.Encode(folderPage.Family.Url)));
            }
        }

        crumbs.Add(new LinkView(title, null));
        return crumbs;
    }

    /// <summary>A department's title: its index page's, else one made from the slug.</summary>
    public static string DepartmentTitle(FamilyCatalog catalog, string slug)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Departments.FirstOrDefault(d => d.Slug == slug)?.Title ?? FamilyCatalog.TitleFromSlug(slug);
    }
}
