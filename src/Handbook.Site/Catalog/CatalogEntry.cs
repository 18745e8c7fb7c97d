namespace Handbook.Site.Catalog;

using Handbook.JobFamilies.Model;

/// <summary>
/// A parsed page together with its rendered body (the pair every output is made from) and the folders whose
/// families its own content already lists (through ERB <c>job_families</c>).
/// </summary>
public sealed record CatalogEntry(JobFamily Family, string BodyHtml, IReadOnlyList<string> ListedFolders)
{
    /// <summary>True when the page's content lists the families of its own folder, so the theme need not.</summary>
    public bool ListsOwnFamilies => ListedFolders.Contains(Family.Slug, StringComparer.Ordinal);

    /// <summary>The page's versions from git history (null when the build renders no history).</summary>
    public Handbook.Site.Versions.PublishedVersions? Versions { get; init; }
}
