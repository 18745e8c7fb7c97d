namespace Handbook.Site.Versions;

using System.Text;
using System.Xml;
using Handbook.Site.Urls;
using Handbook.Site.Versions.Views;

/// <summary>
/// The Atom feed of version changes (<c>/job-families/changes.atom</c>): the newest versions of all families, written
/// with <see cref="XmlWriter"/> (so every text is escaped), dates from git, ids that never change for a version.
/// </summary>
public static class ChangesFeed
{
    public const int MaxEntries = 50;

    public static string Write(string siteTitle, string? baseUrl, IReadOnlyList<RecentChangeView> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(text, settings))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", atom);
            xml.WriteElementString("title", atom, siteTitle + ": recent changes");
            xml.WriteElementString("id", atom, IdOf(baseUrl, VersionUrls.RecentChanges, "2000-01-01"));
            xml.WriteElementString("updated", atom, changes.Count == 0 ? "2000-01-01T00:00:00Z" : changes.Max(c => c.DateIso));
            Link(xml, atom, "self", UrlPath.Absolute(baseUrl, VersionUrls.ChangesFeed));
            Link(xml, atom, "alternate", UrlPath.Absolute(baseUrl, VersionUrls.RecentChanges));
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, siteTitle);
            xml.WriteEndElement();
            foreach (var change in changes.Take(MaxEntries))
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("title", atom, change.FamilyTitle + ": " + change.Subject);
                xml.WriteElementString("id", atom, IdOf(baseUrl, change.VersionUrl, change.Date));
                xml.WriteElementString("updated", atom, change.DateIso);
                Link(xml, atom, "alternate", UrlPath.Absolute(baseUrl, change.VersionUrl));
                Link(xml, atom, "related", UrlPath.Absolute(baseUrl, change.HistoryUrl));
                xml.WriteStartElement("summary", atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(change.Summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text + "\n";
    }

    // The page's absolute URL when the site has one; else a tag URI (RFC 4151) built from the same path, so an id is
    // stable and absolute either way.
    private static string IdOf(string? baseUrl, string url, string day) =>
        baseUrl is null ? "tag:handbook-site," + day + ":" + url : UrlPath.Absolute(baseUrl, url);

    private static void Link(XmlWriter xml, string ns, string rel, string href)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
