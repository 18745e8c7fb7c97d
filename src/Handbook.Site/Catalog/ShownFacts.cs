namespace Handbook.Site.Catalog;

using Handbook.JobFamilies.Model;

/// <summary>
/// Whether a family, recomputed by an incremental run, still shows the same to the pages that list it (the search
/// index, the generated index and grade pages): its identity and headline fields and its roles. One comparison for
/// every reader that reuses its previous output, so a field added to one of them cannot be forgotten in the other.
/// It compares the union of what those readers show, so it can only make them rebuild more, never reuse wrongly.
/// </summary>
public static class ShownFacts
{
    /// <summary>Title, URL, slug, source path, department, kind of page, description and canonical path.</summary>
    public static bool SameHeadline(JobFamily before, JobFamily now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        return string.Equals(before.Title, now.Title, StringComparison.Ordinal)
            && string.Equals(before.Url, now.Url, StringComparison.Ordinal)
            && string.Equals(before.Slug, now.Slug, StringComparison.Ordinal)
            && string.Equals(before.SourcePath, now.SourcePath, StringComparison.Ordinal)
            && string.Equals(before.Department, now.Department, StringComparison.Ordinal)
            && before.IsDepartmentIndex == now.IsDepartmentIndex
            && string.Equals(before.Description, now.Description, StringComparison.Ordinal)
            && string.Equals(before.FrontMatter.CanonicalPath, now.FrontMatter.CanonicalPath, StringComparison.Ordinal);
    }

    /// <summary>The roles in order, each with its name, anchor, kind and grade (value, title, track).</summary>
    public static bool SameRoles(JobFamily before, JobFamily now, Func<Role, Role, bool>? alsoSame = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        var (rolesBefore, rolesNow) = (before.Roles.ToList(), now.Roles.ToList());
        if (rolesBefore.Count != rolesNow.Count)
        {
            return false;
        }

        for (var i = 0; i < rolesNow.Count; i++)
        {
            var (a, b) = (rolesBefore[i], rolesNow[i]);
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal)
                || !string.Equals(a.Anchor, b.Anchor, StringComparison.Ordinal)
                || a.Kind != b.Kind
                || (a.Grade is null) != (b.Grade is null)
                || !string.Equals(a.Grade?.Value, b.Grade?.Value, StringComparison.Ordinal)
                || !string.Equals(a.Grade?.Title, b.Grade?.Title, StringComparison.Ordinal)
                || !string.Equals(a.Grade?.Track, b.Grade?.Track, StringComparison.Ordinal)
                || (alsoSame is not null && !alsoSame(a, b)))
            {
                return false;
            }
        }

        return true;
    }
}
