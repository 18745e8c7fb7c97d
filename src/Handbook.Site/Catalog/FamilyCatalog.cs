namespace Handbook.Site.Catalog;

using Handbook.Pipeline.Collections;
using System.Globalization;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

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

    /// <summary>A catalogue made of parts already ordered and grouped (<see cref="CatalogReuse"/> swaps entries of a previous one).</summary>
    internal FamilyCatalog(IReadOnlyList<CatalogEntry> pages, IReadOnlyList<CatalogEntry> families, Dictionary<string, CatalogEntry> indexPages, IReadOnlyList<Department> departments)
    {
        Pages = pages;
        Families = families;
        _indexPages = indexPages;
        Departments = departments;
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

    /// <summary>
    /// <see cref="From"/> for a whole-set stage: in an incremental run, the catalogue the stage built from its previous
    /// input with the entries of the recomputed pages swapped in (when none of them moved in the catalogue's orders),
    /// instead of collecting, sorting and grouping every page again (issue 9: the preview's <c>RenderTheme</c> did that
    /// on every edit). Always equal to <c>From(documents)</c>.
    /// </summary>
    public static FamilyCatalog For(IReadOnlyList<Document> documents, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        return CatalogReuse.For(documents, context.Incremental?.PreviousInput);
    }

    /// <summary>The entry of <paramref name="family"/> (by reference), found by its slug and source path; null when absent.</summary>
    internal CatalogEntry? EntryOf(JobFamily family)
    {
        int low = 0, high = Pages.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var page = Pages[middle].Family;
            var order = string.CompareOrdinal(page.Slug, family.Slug);
            if (order == 0)
            {
                order = string.CompareOrdinal(page.SourcePath, family.SourcePath);
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (var i = low; i < Pages.Count && string.Equals(Pages[i].Family.SourcePath, family.SourcePath, StringComparison.Ordinal); i++)
        {
            if (ReferenceEquals(Pages[i].Family, family))
            {
                return Pages[i];
            }
        }

        return null;
    }

    /// <summary>The index pages by folder slug (the first in page order for each), for <see cref="CatalogReuse"/>.</summary>
    internal IReadOnlyDictionary<string, CatalogEntry> IndexPages => _indexPages;

    /// <summary>The catalog entry of one page document.</summary>
    public static CatalogEntry Entry(Document document, JobFamily family, string bodyHtml) =>
        new(family, bodyHtml, document.TryGet(JobFamilyKeys.ListedFolders, out var listed) ? listed : [])
        {
            Versions = document.TryGet(Handbook.Site.Versions.VersionKeys.Published, out var versions) ? versions : null,
        };

    /// <summary>
    /// The families below a folder page's slug (at any depth), in Hugo's page order: pages with a front-matter
    /// <c>weight</c> first, lighter first, then by title. A Hugo-era family split into <c>_index.md</c> and one page per
    /// level weights its levels (Associate 10, Intermediate 20, Senior 30 …), so its page lists them up its ladder, not
    /// alphabetically. Middleman pages have no weight: they stay in title order.
    /// </summary>
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

        return end == first ? [] : SortByWeightThenTitle(Families.Skip(first).Take(end - first));
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

    private static List<CatalogEntry> SortByWeightThenTitle(IEnumerable<CatalogEntry> entries)
    {
        var list = entries.ToList();
        if (!list.Any(e => WeightOf(e) is not null))
        {
            return SortByTitle(list);
        }

        // Weighted entries first, by weight, then by title and slug (a comparison for StableSort: LINQ's sort by int and
        // decimal keys is JIT-compiled in every build, issue 9).
        return StableSort.ToSortedList(list, static (a, b) =>
        {
            var (x, y) = (WeightOf(a), WeightOf(b));
            var order = (x is null ? 1 : 0).CompareTo(y is null ? 1 : 0);
            if (order == 0)
            {
                order = (x ?? 0m).CompareTo(y ?? 0m);
            }

            if (order == 0)
            {
                order = StringComparer.OrdinalIgnoreCase.Compare(a.Family.Title, b.Family.Title);
            }

            return order != 0 ? order : StringComparer.Ordinal.Compare(a.Family.Slug, b.Family.Slug);
        });
    }

    /// <summary>The front matter's <c>weight</c> as a number; null when absent or not a number (Hugo: 0 is unset).</summary>
    private static decimal? WeightOf(CatalogEntry entry) =>
        entry.Family.FrontMatter.Weight is { } weight && weight != 0 ? weight : null;

    private static List<CatalogEntry> SortByTitle(IEnumerable<CatalogEntry> entries) =>
        entries.OrderBy(e => e.Family.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Family.Slug, StringComparer.Ordinal)
            .ToList();
}
