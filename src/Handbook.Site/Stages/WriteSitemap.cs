namespace Handbook.Site.Stages;

using System.Text;
using System.Xml;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Handbook.Site.Building;
using Handbook.Site.Urls;

/// <summary>
/// Adds <c>sitemap.xml</c>: every page <c>RenderTheme</c> marked with <see cref="SiteKeys.SitemapUrl"/>, sorted, with
/// absolute URLs when the base URL is known. No <c>lastmod</c>: the build reads no clock, so output is reproducible.
/// </summary>
public sealed class WriteSitemap(SiteSettings settings) : IStage
{
    public const string OutputPath = "sitemap.xml";

    public string Name => nameof(WriteSitemap);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
    {
        var urls = documents
            .Select(d => d.TryGet(SiteKeys.SitemapUrl, out var url) ? UrlPath.Absolute(settings.BaseUrl, url) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        IReadOnlyList<Document> result = [.. documents, new Document(OutputPath, OutputPath, Render(urls), Metadata.Empty)];
        return Task.FromResult(result);
    }

    public static string Render(IEnumerable<string> urls)
    {
        var text = new StringBuilder();
        var xmlSettings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(text, xmlSettings))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var url in urls)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", url);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text + "\n";
    }
}
