namespace Handbook.Site.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Site.Urls;

/// <summary>A page the build makes (no input file): its output file is the URL's <c>index.html</c>.</summary>
internal static class GeneratedPage
{
    public static Document Create(string url, string html, bool inSitemap)
    {
        var page = new Document(url.Trim('/'), UrlPath.OutputFileOf(url), html, Metadata.Empty).With(SiteKeys.IsHtmlPage, true);
        return inSitemap ? page.With(SiteKeys.SitemapUrl, url) : page;
    }
}
