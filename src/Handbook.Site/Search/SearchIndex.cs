namespace Handbook.Site.Search;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Handbook.JobFamilies.Model;
using Handbook.Site.Catalog;
using Handbook.Site.Search.Schema;
using Handbook.Site.Urls;

/// <summary>
/// Builds <c>/search-index.json</c>, the data the site's own search box (<c>theme/assets/search.js</c>) searches in
/// the browser: families, levels, specialties, grades and the responsibilities/requirements bullets of every role
/// as the reader sees them (inherited bullets included). Compact on purpose: no indentation, each distinct bullet
/// text stored once, empty fields left out.
/// </summary>
public static class SearchIndex
{
    public const string OutputPath = "search-index.json";

    public const string Url = "/" + OutputPath;

    /// <summary>Bumped when the shape changes, so a cached script can tell.</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file fetched as JSON, not inlined in HTML
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static SearchIndexRoot Build(FamilyCatalog catalog)
    {
        var texts = new TextTable();
        var families = catalog.Families
            .OrderBy(e => e.Family.Url, StringComparer.Ordinal)
            .ThenBy(e => e.Family.SourcePath, StringComparer.Ordinal)
            .Select(e => FamilyOf(e.Family, DepartmentTitle(catalog, e.Family.Department), texts))
            .ToList();
        return new SearchIndexRoot(Version, texts.Texts, families);
    }

    public static string Serialize(SearchIndexRoot root) => JsonSerializer.Serialize(root, Json) + "\n";

    /// <summary><see cref="Serialize"/> as UTF-8 bytes, without the text copy (the serializer writes UTF-8 anyway).</summary>
    public static byte[] SerializeToUtf8Bytes(SearchIndexRoot root)
    {
        using var buffer = new MemoryStream();
        JsonSerializer.Serialize(buffer, root, Json);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// Whether the index shows <paramref name="now"/> exactly as it showed <paramref name="before"/> (the same page in
    /// an earlier run): every field <see cref="Build"/> reads of a family, its roles and their bullets. The department
    /// title is not compared (it comes from the department's index page).
    /// </summary>
    public static bool ShowsTheSame(JobFamily before, JobFamily now)
    {
        // The bullets' texts are in the index too; the rest is what every listing of a family shows.
        return ShownFacts.SameHeadline(before, now)
            && ShownFacts.SameRoles(before, now, (a, b) => BulletTexts(a).SequenceEqual(BulletTexts(b), StringComparer.Ordinal));
    }

    private static IEnumerable<string> BulletTexts(Role role) =>
        new[] { role.Responsibilities, role.Requirements, role.NiceToHaves }.OfType<Section>().SelectMany(s => s.Items).Select(i => i.Text);

    private static SearchFamily FamilyOf(JobFamily family, string department, TextTable texts) =>
        new(
            family.Title,
            UrlPath.Encode(family.Url),
            department,
            string.IsNullOrWhiteSpace(family.Description) ? null : family.Description,
            family.Roles.Select(r => RoleOf(r, texts)).ToList());

    private static SearchRole RoleOf(Role role, TextTable texts) =>
        new(
            role.Name,
            role.Anchor,
            role.Kind,
            role.Grade?.Value,
            role.Grade?.Title,
            new[] { role.Responsibilities, role.Requirements, role.NiceToHaves }
                .OfType<Section>()
                .SelectMany(s => s.Items)
                .Select(i => texts.IndexOf(i.Text))
                .Distinct()
                .ToList());

    private static string DepartmentTitle(FamilyCatalog catalog, string slug) =>
        catalog.Departments.FirstOrDefault(d => string.Equals(d.Slug, slug, StringComparison.Ordinal))?.Title ?? FamilyCatalog.TitleFromSlug(slug);

    /// <summary>Distinct bullet texts in first-seen order (families are visited by URL, so the order is stable).</summary>
    private sealed class TextTable
    {
        private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

        public List<string> Texts { get; } = [];

        public int IndexOf(string text)
        {
            if (!_positions.TryGetValue(text, out var position))
            {
                position = Texts.Count;
                _positions.Add(text, position);
                Texts.Add(text);
            }

            return position;
        }
    }
}
