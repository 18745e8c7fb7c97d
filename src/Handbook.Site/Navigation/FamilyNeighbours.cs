namespace Handbook.Site.Navigation;

using Handbook.JobFamilies.Model;
using Handbook.Site.Catalog;
using Handbook.Site.Theming.Views;
using Handbook.Site.Urls;

/// <summary>
/// The previous and next family within a family's department, in the order the department page lists them
/// (by title), so "next" walks the department as a reader sees it. Index pages have no neighbours.
/// </summary>
public static class FamilyNeighbours
{
    public static (LinkView? Previous, LinkView? Next) Of(FamilyCatalog catalog, JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(family);
        var families = catalog.Departments.FirstOrDefault(d => string.Equals(d.Slug, family.Department, StringComparison.Ordinal))?.Families ?? [];
        var index = -1;
        for (var i = 0; i < families.Count; i++)
        {
            if (ReferenceEquals(families[i].Family, family))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return (null, null);
        }

        return (index > 0 ? LinkTo(families[index - 1]) : null, index < families.Count - 1 ? LinkTo(families[index + 1]) : null);
    }

    private static LinkView LinkTo(CatalogEntry entry) => new(entry.Family.Title, UrlPath.Encode(entry.Family.Url));
}
