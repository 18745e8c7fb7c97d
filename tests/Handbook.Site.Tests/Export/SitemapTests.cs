namespace Handbook.Site.Tests.Export;

using System.Xml.Linq;
using Handbook.Pipeline.Documents;
using Handbook.Site.Building;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using static Handbook.Site.Tests.Support.Families;

public class SitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static List<string> Locs(string? baseUrl, params Document[] pages)
    {
        var settings = new SiteSettings { BaseUrl = baseUrl };
        var rendered = Stages.Run(new RenderTheme(TestTheme.Instance, settings), pages);
        var withSitemap = Stages.Run(new WriteSitemap(settings), [.. rendered]);
        var xml = XDocument.Parse(withSitemap.Output("sitemap.xml").Content);
        Assert.Equal(Ns + "urlset", xml.Root!.Name);
        return xml.Root.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value).ToList();
    }

    [Fact]
    public void Lists_every_page_once_sorted_with_absolute_urls_but_not_404_nor_duplicates()
    {
        var locs = Locs(
            "https://handbook.example.com/",
            Page(Family("sales/zeta", "Zeta")),
            Page(Family("finance/alpha", "Alpha")),
            Page(Family("finance/copy", "Copy", canonicalPath: "/job-families/finance/alpha/")));

        Assert.Equal(
            [
                "https://handbook.example.com/job-families/",
                "https://handbook.example.com/job-families/finance/",
                "https://handbook.example.com/job-families/finance/alpha/",
                "https://handbook.example.com/job-families/sales/",
                "https://handbook.example.com/job-families/sales/zeta/",
            ],
            locs);
    }

    [Fact]
    public void Without_a_base_url_locations_are_root_relative()
    {
        var locs = Locs(null, Page(Family("sales/a", "A")));

        Assert.Contains("/job-families/sales/a/", locs);
    }
}
