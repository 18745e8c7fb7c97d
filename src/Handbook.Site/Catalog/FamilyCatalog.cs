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
        foreach (var page in pages)
        {
            if (page.Family.IsDepartmentIndex)
            {
                _indexPages.TryAdd(page.Family.Slug, page); // the first in page order, as a scan would find
            }
        }

        Departments = pages
            .Select(p => p.Family.Department)
            .Distinct(StringComparer.Ordinal)
            .Select(BuildDepartment)
            .OrderBy(d => d.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => d.Slug, StringComparer.Ordinal)
            .ToList();
    }

    // Every page asks for the index pages above it and the families below it: answered from a map and from the
    // slug order (the families below "a/b" are one run of the ordinal slug order, those starting with "a/b/"), not by
    // scanning every family per page, which made RenderTheme quadratic (synthetic N = 10000: 21 GB of the 25.7 GB it
    // allocated were the "slug/" prefix made again for each family compared).
    private readonly Dictionary<string, CatalogEntry> _indexPages = new(StringComparer.Ordinal);

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
    public IReadOnlyList<CatalogEntry> FamiliesBelow(string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var prefix = slug + "/";
        var first = FirstAtOrAfter(prefix);
        var end = first;
        while (end < Families.Count && Families[end].Family.Slug.StartsWith(prefix, StringComparison.Ordinal))
        {
            end++;
        }

        return end == first ? [] : SortByTitle(Families.Skip(first).Take(end - first));
    }

    /// <summary>The index page of a folder slug, if the input has one.</summary>
    public CatalogEntry? IndexPageOf(string slug) => _indexPages.GetValueOrDefault(slug);

    // The first family whose slug is not ordinally before prefix (Families is in ordinal slug order).
    private int FirstAtOrAfter(string prefix)
    {
        int low = 0, high = Families.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (string.CompareOrdinal(Families[middle].Family.Slug, prefix) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

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
