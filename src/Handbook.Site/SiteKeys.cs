namespace Handbook.Site;

using Handbook.JobFamilies.Redirects;
using Handbook.Pipeline.Documents;

/// <summary>Metadata the app's own stages attach to output documents.</summary>
public static class SiteKeys
{
    /// <summary>
    /// The root-relative URL of a rendered HTML page that belongs in <c>sitemap.xml</c> (set by <c>RenderTheme</c>;
    /// not set on the 404 page nor on pages whose <c>canonical_path</c> names another page).
    /// </summary>
    public static readonly MetadataKey<string> SitemapUrl = new("site.sitemap-url");

    /// <summary>
    /// A family's part of <c>api/job-families.json</c> as UTF-8 (a slice of the file's bytes), kept so an incremental
    /// run re-serialises only changed families (set by <c>WriteJobFamiliesExport</c>).
    /// </summary>
    public static readonly MetadataKey<ReadOnlyMemory<byte>> ExportFragment = new("site.export-fragment");

    /// <summary>Set on every HTML page <c>RenderTheme</c> produced (counted in the build summary).</summary>
    public static readonly MetadataKey<bool> IsHtmlPage = new("site.is-html-page");

    /// <summary>The redirect data read from <c>data/redirects.yml</c>, set on that file's document (by <c>ReadRedirectData</c>).</summary>
    public static readonly MetadataKey<RedirectTable> Redirects = new("site.redirects");
}
