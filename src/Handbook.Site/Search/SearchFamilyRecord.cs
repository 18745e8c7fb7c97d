namespace Handbook.Site.Search;

using Handbook.JobFamilies.Model;
using Handbook.Site.Urls;

/// <summary>
/// What <c>/search-index.json</c> shows of one family, taken while the family still has its bullets: its headline
/// and its roles, each with its bullets' texts (<see cref="SearchRoleRecord"/>). A one-shot build makes it as the theme
/// renders the family, so the family's bullets can go right after the theme (issue 9); <see cref="SearchIndex"/>
/// assembles the index from these records, in the index's order, with the department titles of the whole site.
/// </summary>
/// <param name="Url">The family's URL as the index writes it (encoded).</param>
/// <param name="Department">The department's slug: its title is the site's (<see cref="SearchIndex.Assemble"/>).</param>
public sealed record SearchFamilyRecord(string Title, string Url, string Department, string? Description, IReadOnlyList<SearchRoleRecord> Roles)
{
    /// <summary>The record of <paramref name="family"/>: every field the index reads of it, its roles and their bullets.</summary>
    public static SearchFamilyRecord Of(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var roles = new List<SearchRoleRecord>();
        foreach (var role in family.Roles)
        {
            roles.Add(SearchRoleRecord.Of(role));
        }

        return new(
            family.Title,
            UrlPath.Encode(family.Url),
            family.Department,
            string.IsNullOrWhiteSpace(family.Description) ? null : family.Description,
            roles);
    }
}
