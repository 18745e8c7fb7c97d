namespace Handbook.Site.Catalog;

using System.Runtime.CompilerServices;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;

/// <summary>
/// Derives a stage's <see cref="FamilyCatalog"/> from the one it built in the previous run (issue 9: the preview's
/// <c>RenderTheme</c> collected, sorted and grouped every page of the site on every edit).
/// </summary>
/// <remarks>
/// Each catalogue is remembered under the identity of the document list it was built from, for as long as that list
/// lives (the engine's run record keeps a stage's input until the next run). An incremental run hands a whole-set stage
/// the previous run's input list (<c>IncrementalContext.PreviousInput</c>); the documents of the new input that are not
/// the very same objects are the only ones that changed, so only their entries need making. The swap is done only
/// when nothing the catalogue orders or groups by changed (page or not, slug, source path, department, kind of page,
/// title); anything else builds the catalogue from scratch, so the result is always <see cref="FamilyCatalog.From"/>'s.
/// </remarks>
internal static class CatalogReuse
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Document>, FamilyCatalog> Built = new();

    public static FamilyCatalog For(IReadOnlyList<Document> documents, IReadOnlyList<Document>? previousInput)
    {
        var catalog = previousInput is not null && Built.TryGetValue(previousInput, out var previous)
            ? WithChanges(previous, previousInput, documents)
            : null;
        catalog ??= FamilyCatalog.From(documents);
        Built.AddOrUpdate(documents, catalog);
        return catalog;
    }

    /// <summary>
    /// <paramref name="previous"/> (built from <paramref name="before"/>) with the entries of the documents of
    /// <paramref name="now"/> that changed swapped in; null when that is not the catalogue of <paramref name="now"/>.
    /// </summary>
    internal static FamilyCatalog? WithChanges(FamilyCatalog previous, IReadOnlyList<Document> before, IReadOnlyList<Document> now)
    {
        if (before.Count != now.Count)
        {
            return null;
        }

        var swapped = new Dictionary<CatalogEntry, CatalogEntry>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < now.Count; i++)
        {
            var (then, current) = (before[i], now[i]);
            if (ReferenceEquals(then, current))
            {
                continue;
            }

            if (!string.Equals(then.SourcePath, current.SourcePath, StringComparison.Ordinal))
            {
                return null;
            }

            var (wasPage, oldFamily, _) = PageOf(then);
            var (isPage, family, body) = PageOf(current);
            if (wasPage != isPage)
            {
                return null;
            }

            if (!isPage)
            {
                continue;
            }

            if (!SamePlace(oldFamily!, family!) || previous.EntryOf(oldFamily!) is not { } old)
            {
                return null;
            }

            swapped[old] = FamilyCatalog.Entry(current, family!, body!);
        }

        if (swapped.Count == 0)
        {
            return previous;
        }

        var indexPages = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        foreach (var (slug, entry) in previous.IndexPages)
        {
            indexPages[slug] = Swap(entry, swapped);
        }

        var departments = new List<Department>(previous.Departments.Count);
        foreach (var department in previous.Departments)
        {
            var index = department.IndexPage is null ? null : Swap(department.IndexPage, swapped);
            var families = SwapAll(department.Families, swapped);
            departments.Add(ReferenceEquals(index, department.IndexPage) && ReferenceEquals(families, department.Families)
                ? department
                : department with { IndexPage = index, Families = families });
        }

        return new FamilyCatalog(SwapAll(previous.Pages, swapped), SwapAll(previous.Families, swapped), indexPages, departments);
    }

    private static (bool IsPage, JobFamily? Family, string? Body) PageOf(Document document) =>
        document.TryGet(JobFamilyKeys.Family, out var family) && document.TryGet(JobFamilyKeys.BodyHtml, out var body)
            ? (true, family, body)
            : (false, null, null);

    // What the catalogue orders and groups by: slug and source path (page order, folders), department, index page or
    // family, and title (department titles, the title order of a department's and a folder's families).
    private static bool SamePlace(JobFamily before, JobFamily now) =>
        string.Equals(before.Slug, now.Slug, StringComparison.Ordinal)
        && string.Equals(before.SourcePath, now.SourcePath, StringComparison.Ordinal)
        && string.Equals(before.Department, now.Department, StringComparison.Ordinal)
        && before.IsDepartmentIndex == now.IsDepartmentIndex
        && string.Equals(before.Title, now.Title, StringComparison.Ordinal);

    private static CatalogEntry Swap(CatalogEntry entry, Dictionary<CatalogEntry, CatalogEntry> swapped) =>
        swapped.TryGetValue(entry, out var now) ? now : entry;

    // The same list object when nothing in it was swapped.
    private static IReadOnlyList<CatalogEntry> SwapAll(IReadOnlyList<CatalogEntry> entries, Dictionary<CatalogEntry, CatalogEntry> swapped)
    {
        List<CatalogEntry>? copy = null;
        for (var i = 0; i < entries.Count; i++)
        {
            if (swapped.TryGetValue(entries[i], out var now))
            {
                copy ??= [.. entries];
                copy[i] = now;
            }
        }

        return copy ?? entries;
    }
}
