namespace Handbook.Site.Search;

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Handbook.JobFamilies.Model;
using Handbook.Site.Catalog;
using Handbook.Site.Search.Schema;
using Handbook.Site.Urls;
using Handbook.Site.Serialization;

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

    /// <summary>The index's serializer options (also <see cref="SearchIndexStreamWriter"/>'s, so both write the same bytes).</summary>
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file fetched as JSON, not inlined in HTML
        Converters = { new JsonStringEnumConverter<RoleKind>(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = SearchJsonContext.Default, // source-generated metadata: no reflection emit (issue 9)
    };

    public static SearchIndexRoot Build(FamilyCatalog catalog) => Assemble(catalog, SearchFamilyRecord.Of);

    /// <summary>
    /// The index of <paramref name="catalog"/>'s families from each family's record (<paramref name="recordOf"/>: one
    /// made earlier, while the family had its bullets, or made now): families by URL then source path, each distinct
    /// bullet text numbered in the order it is first met, department titles from the catalogue. The same index as
    /// <see cref="Build"/> whenever each record is <see cref="SearchFamilyRecord.Of"/> of its family.
    /// </summary>
    public static SearchIndexRoot Assemble(FamilyCatalog catalog, Func<JobFamily, SearchFamilyRecord> recordOf)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(recordOf);
        var texts = new TextTable();
        var families = catalog.Families
            .OrderBy(e => e.Family.Url, StringComparer.Ordinal)
            .ThenBy(e => e.Family.SourcePath, StringComparer.Ordinal)
            .Select(e => FamilyOf(recordOf(e.Family), catalog, texts))
            .ToList();
        return new SearchIndexRoot(Version, texts.Texts, families);
    }

    public static string Serialize(SearchIndexRoot root) => JsonSerializer.Serialize(root, Json.TypeInfo<SearchIndexRoot>()) + "\n";

    /// <summary><see cref="Serialize"/> as UTF-8 bytes, without the text copy (the serializer writes UTF-8 anyway).</summary>
    /// <remarks>
    /// The stream starts at about the file's length (<see cref="EstimatedLength"/>): grown from empty by doubling, it
    /// allocated three times the file (a 20 MB index at N = 1000) before the final copy (issue 9).
    /// </remarks>
    public static byte[] SerializeToUtf8Bytes(SearchIndexRoot root)
    {
        using var buffer = new MemoryStream(EstimatedLength(root));
        WriteUtf8(root, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes <see cref="SerializeToUtf8Bytes"/>'s bytes to <paramref name="stream"/> (a staged file: never held whole).</summary>
    public static void WriteUtf8(SearchIndexRoot root, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, root, Json.TypeInfo<SearchIndexRoot>());
        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// About the length of the serialised index, rather more than less: the UTF-8 length of every string it holds
    /// plus its names and punctuation, and seven bytes per text position. Only a buffer size: a wrong estimate costs a
    /// copy, never a different file.
    /// </summary>
    public static int EstimatedLength(SearchIndexRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        long length = 64;
        foreach (var text in root.Texts)
        {
            length += Utf8Length(text) + 3;
        }

        foreach (var family in root.Families)
        {
            length += 64 + Utf8Length(family.Title) + Utf8Length(family.Url) + Utf8Length(family.Department) + Utf8Length(family.Description);
            foreach (var role in family.Roles)
            {
                length += 96 + Utf8Length(role.Name) + Utf8Length(role.Anchor) + Utf8Length(role.Grade) + Utf8Length(role.GradeTitle) + (7L * role.Items.Count);
            }
        }

        // A margin for escaped characters; the stream grows past it if need be.
        return (int)Math.Min(Array.MaxLength, length + (length / 16));
    }

    private static int Utf8Length(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

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

    private static SearchFamily FamilyOf(SearchFamilyRecord family, FamilyCatalog catalog, TextTable texts)
    {
        // The family's texts numbered across the site in the order the family met them: the order the bullets come in.
        var positions = new int[family.Texts.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = texts.IndexOf(family.Texts[i]);
        }

        return FamilyOf(family, DepartmentTitle(catalog, family.Department), positions);
    }

    /// <summary>
    /// The index's entry of a family from its record, with the position in the index's texts of each of the family's
    /// texts (<paramref name="positions"/>, by the family's own numbering, <see cref="SearchFamilyRecord.Texts"/>).
    /// </summary>
    internal static SearchFamily FamilyOf(SearchFamilyRecord family, string department, int[] positions) =>
        new(
            family.Title,
            family.Url,
            department,
            family.Description,
            family.Roles.Select(r => RoleOf(r, positions)).ToList());

    private static SearchRole RoleOf(SearchRoleRecord role, int[] positions) =>
        new(
            role.Name,
            role.Anchor,
            role.Kind,
            role.Grade,
            role.GradeTitle,
            role.Texts.Select(t => positions[t]).ToList());

    /// <summary>The title the index shows for a department: its index page's, else one made from the slug.</summary>
    internal static string DepartmentTitle(FamilyCatalog catalog, string slug) =>
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
