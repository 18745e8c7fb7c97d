namespace Handbook.Site.Search;

using Handbook.JobFamilies.Model;
using Handbook.Site.Urls;

/// <summary>
/// What <c>/search-index.json</c> shows of one family, taken while the family still has its bullets: its headline,
/// its roles (<see cref="SearchRoleRecord"/>) and the distinct texts of their bullets. A one-shot build makes it as the
/// theme renders the family, so the family's bullets can go right after the theme (issue 9); <see cref="SearchIndex"/>
/// assembles the index from these records in the index's order, numbering the texts across the site and adding the
/// department titles.
/// </summary>
/// <param name="Url">The family's URL as the index writes it (encoded).</param>
/// <param name="Department">The department's slug: its title is the site's (<see cref="SearchIndex.Assemble"/>).</param>
/// <param name="Texts">The family's distinct bullet texts (responsibilities, requirements and nice-to-haves of every
/// role, inherited ones included) in the order they are first met, role by role; the roles point into it. The bullets'
/// own strings, not copies.</param>
public sealed record SearchFamilyRecord(string Title, string Url, string Department, string? Description, IReadOnlyList<SearchRoleRecord> Roles, IReadOnlyList<string> Texts)
{
    // The family's text numbers so far (reused from family to family on a thread; empty between calls).
    [ThreadStatic]
    private static Dictionary<string, int>? t_numbers;

    /// <summary>The record of <paramref name="family"/>: every field the index reads of it, its roles and their bullets.</summary>
    public static SearchFamilyRecord Of(JobFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var numbers = t_numbers ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        var roles = new List<SearchRoleRecord>();
        try
        {
            foreach (var role in family.Roles)
            {
                roles.Add(SearchRoleRecord.Of(role, numbers, texts));
            }
        }
        finally
        {
            numbers.Clear(); // holds no text past the call
        }

        return new(
            family.Title,
            UrlPath.Encode(family.Url),
            family.Department,
            string.IsNullOrWhiteSpace(family.Description) ? null : family.Description,
            roles,
            texts);
    }
}
