namespace Handbook.Site.Metadata;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Handbook.JobFamilies.Model;
using Handbook.Site.Theming.Views;
using Handbook.Site.Urls;

/// <summary>
/// schema.org JSON-LD for a page's <c>&lt;script type="application/ld+json"&gt;</c>: the breadcrumb trail as a
/// <c>BreadcrumbList</c>, and for a job family an <c>Occupation</c> (name, description, department as
/// <c>occupationalCategory</c>, responsibilities and – from its requirements – skills).
/// </summary>
/// <remarks>
/// The JSON is printed raw inside a script element, so the text must never close it: the encoder escapes
/// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes as <c>\u003C</c> … (valid JSON, read back unchanged), and a
/// title such as <c>&lt;/script&gt;</c> stays data.
/// </remarks>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Letters of every script stay readable; HTML-sensitive characters are always escaped by this encoder.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    /// <summary>
    /// The JSON-LD of a family page: its <c>Occupation</c> and its breadcrumb trail. <paramref name="items"/>: the
    /// occupation's lists kept before the family's bullets went (<see cref="OccupationItems"/>); null reads the bullets.
    /// </summary>
    public static string ForFamily(JobFamily family, string departmentTitle, IReadOnlyList<LinkView> breadcrumbs, string pageUrl, string? baseUrl, OccupationItems? items = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        var graph = new JsonArray(Occupation(family, departmentTitle, pageUrl, items ?? OccupationItems.Of(family)));
        if (BreadcrumbList(breadcrumbs, pageUrl, baseUrl) is { } trail)
        {
            graph.Add((JsonNode)trail);
        }

        return Serialize(graph);
    }

    /// <summary>The JSON-LD of any other page: its breadcrumb trail; null for a page with no trail to show.</summary>
    public static string? ForPage(IReadOnlyList<LinkView> breadcrumbs, string pageUrl, string? baseUrl) =>
        BreadcrumbList(breadcrumbs, pageUrl, baseUrl) is { } trail ? Serialize(new JsonArray(trail)) : null;

    /// <summary>
    /// The items a family's occupation lists for a section kind: the page's own (general) section when it has one,
    /// else the first level's – the entry level, which the higher levels extend. Duplicates are dropped.
    /// </summary>
    public static IReadOnlyList<string> ItemsOf(JobFamily family, SectionKind kind)
    {
        ArgumentNullException.ThrowIfNull(family);
        var source = family.PageRole is { } page && SectionOf(page, kind) is { Items.Count: > 0 } general
            ? general
            : family.Levels.Select(l => SectionOf(l, kind)).FirstOrDefault(s => s is { Items.Count: > 0 });
        return source is null ? [] : source.Items.Select(i => i.Text).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static JsonObject Occupation(JobFamily family, string departmentTitle, string pageUrl, OccupationItems items)
    {
        var occupation = new JsonObject
        {
            ["@type"] = "Occupation",
            ["name"] = family.Title,
        };
        if (!string.IsNullOrWhiteSpace(family.Description))
        {
            occupation["description"] = family.Description;
        }

        occupation["occupationalCategory"] = departmentTitle;
        occupation["url"] = pageUrl;
        AddList(occupation, "responsibilities", items.Responsibilities);
        AddList(occupation, "skills", items.Skills);
        return occupation;
    }

    private static JsonObject? BreadcrumbList(IReadOnlyList<LinkView> breadcrumbs, string pageUrl, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(breadcrumbs);
        if (breadcrumbs.Count < 2)
        {
            return null;
        }

        var items = new JsonArray();
        for (var i = 0; i < breadcrumbs.Count; i++)
        {
            items.Add((JsonNode)new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = i + 1,
                ["name"] = breadcrumbs[i].Text,
                ["item"] = breadcrumbs[i].Url is { } url ? UrlPath.Absolute(baseUrl, url) : pageUrl,
            });
        }

        return new JsonObject { ["@type"] = "BreadcrumbList", ["itemListElement"] = items };
    }

    private static Section? SectionOf(Role role, SectionKind kind) => kind switch
    {
        SectionKind.Responsibilities => role.Responsibilities,
        SectionKind.Requirements => role.Requirements,
        _ => role.Sections.FirstOrDefault(s => s.Kind == kind),
    };

    private static void AddList(JsonObject target, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            target[name] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }
    }

    private static string Serialize(JsonArray graph) =>
        new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = graph }.ToJsonString(Options);
}
