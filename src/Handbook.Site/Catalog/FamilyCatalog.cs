namespace Handbook.Site.Catalog;

using System.Globalization;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;

/// <summary>
/// Every parsed page of the build, grouped the way the site presents them: job families, folder index pages
/// (department pages and nested <c>…/index.html.md</c> pages) and departments. Orders are stable (ordinal), so the
/// output does not depend on file-system or thread order.
/// </summary>
public sealed class FamilyCatalog
{
    private FamilyCatalog(IReadOnlyList<CatalogEntry> pages)
    {
        Pages = pages;
        Families = pages.Where(p => !p.Family.IsDepartmentIndex).ToList();
        Departments = pages
            .Select(p => p.Family.Department)
            .Distinct(StringComparer.Ordinal)
            .Select(BuildDepartment)
            .OrderBy(d => d.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => d.Slug, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>All parsed pages (families and index pages), ordered by slug.</summary>
    public IReadOnlyList<CatalogEntry> Pages { get; }

    /// <summary>Job families proper (no index pages), ordered by slug.</summary>
    public IReadOnlyList<CatalogEntry> Families { get; }

    public IReadOnlyList<Department> Departments { get; }

    /// <summary>Collects the pages that reached the theme: documents with a parsed family and a rendered body.</summary>
    public static FamilyCatalog From(IEnumerable<Document> documents)
    {
        var pages = new List<CatalogEntry>();
        foreach (var document in documents)
        {
            if (document.TryGet(JobFamilyKeys.Family, out var family) && document.TryGet(JobFamilyKeys.BodyHtml, out var html))
            {
                pages.Add(Entry(document, family, html));
            }
        }

        return new FamilyCatalog(pages.OrderBy(p => p.Family.Slug, StringComparer.Ordinal).ThenBy(p => p.Family.SourcePath, StringComparer.Ordinal).ToList());
    }

    /// <summary>The catalog entry of one page document.</summary>
    public static CatalogEntry Entry(Document document, JobFamily family, string bodyHtml) =>
        new(family, bodyHtml, document.TryGet(JobFamilyKeys.ListedFolders, out var listed) ? listed : [])
        {
            Versions = document.TryGet(Handbook.Site.Versions.VersionKeys.Published, out var versions) ? versions : null,
        };

    /// <summary>The families below a folder page's slug (at any depth), ordered by title.</summary>
    public IReadOnlyList<CatalogEntry> FamiliesBelow(string slug) =>
        SortByTitle(Families.Where(f => f.Family.Slug.StartsWith(slug + "/", StringComparison.Ordinal)));

    /// <summary>The index page of a folder slug, if the input has one.</summary>
    public CatalogEntry? IndexPageOf(string slug) =>
        Pages.FirstOrDefault(p => p.Family.IsDepartmentIndex && string.Equals(p.Family.Slug, slug, StringComparison.Ordinal));

    /// <summary>"front-of-house" → "Front of House", for departments without an index page.</summary>
    public static string TitleFromSlug(string slug)
    {
        var words = slug.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select((w, i) => i > 0 && MinorWords.Contains(w) ? w : char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]);
        return string.Join(' ', words);
    }

    // Words English title case leaves in lower case (except at the start).
    private static readonly HashSet<string> MinorWords = new(["a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to"], StringComparer.Ordinal);

    private Department BuildDepartment(string slug)
    {
        var index = IndexPageOf(slug);
        var title = index is null ? TitleFromSlug(slug) : index.Family.Title;
        var families = SortByTitle(Families.Where(f => string.Equals(f.Family.Department, slug, StringComparison.Ordinal)));
        return new Department(slug, title, "/job-families/" + slug + "/", index, families);
    }

    private static List<CatalogEntry> SortByTitle(IEnumerable<CatalogEntry> entries) =>
        entries.OrderBy(e => e.Family.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Family.Slug, StringComparer.Ordinal)
            .ToList();
}
