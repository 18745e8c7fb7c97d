namespace Handbook.Site.Export;

using System.Text.Json;
using Handbook.JobFamilies.Model;
using Handbook.Site.Catalog;
using Handbook.Site.Export.Schema;

/// <summary>
/// Builds and serialises <c>api/job-families.json</c>: every job family with its levels, specialties, grades,
/// lists and career-ladder links, so other tools can use the handbook without scraping HTML. snake_case names,
/// families ordered by URL, indented, '\n' line ends.
/// </summary>
public static class JobFamiliesExport
{
    public const string OutputPath = "api/job-families.json";

    public static ExportRoot Build(FamilyCatalog catalog) =>
        new(catalog.Families
            .Select(e => FamilyOf(e.Family) with { Versions = VersionsOf(e.Versions) })
            .OrderBy(f => f.Url, StringComparer.Ordinal)
            .ThenBy(f => f.Source, StringComparer.Ordinal)
            .ToList());

    public static string Serialize(ExportRoot root) => ExportJson.Serialize(root);

    /// <summary>
    /// One family's JSON exactly as <see cref="Serialize"/> writes it inside the <c>families</c> array (indented by
    /// four spaces), so an incremental build serialises only the families it recomputed and joins the rest.
    /// </summary>
    public static string FragmentOf(JobFamily family, Handbook.Site.Versions.PublishedVersions? versions = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        var json = JsonSerializer.Serialize(FamilyOf(family) with { Versions = VersionsOf(versions) }, ExportJson.Options);
        return "    " + json.Replace("\n", "\n    ", StringComparison.Ordinal);
    }

    /// <summary>The whole file from fragments already in order: byte for byte what <see cref="Serialize"/> gives.</summary>
    public static string Assemble(IReadOnlyList<string> fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        return fragments.Count == 0
            ? "{\n  \"families\": []\n}\n"
            : "{\n  \"families\": [\n" + string.Join(",\n", fragments) + "\n  ]\n}\n";
    }

    /// <summary>The order of families in the file: by URL, then source path.</summary>
    public static IEnumerable<T> InFileOrder<T>(IEnumerable<T> items, Func<T, JobFamily> family) =>
        items.OrderBy(i => family(i).Url, StringComparer.Ordinal).ThenBy(i => family(i).SourcePath, StringComparer.Ordinal);

    /// <summary><see cref="Serialize"/> as the UTF-8 bytes of the file.</summary>
    public static byte[] SerializeToUtf8Bytes(ExportRoot root) => ExportJson.SerializeToUtf8Bytes(root);

    private static FamilyExport FamilyOf(JobFamily family)
    {
        IEnumerable<Role> levels = family.Levels.Count == 0 && family.PageRole is not null ? [family.PageRole] : family.Levels;
        return new FamilyExport(
            family.Title,
            family.Description,
            family.Department,
            family.Url,
            family.SourcePath,
            levels.Select(RoleOf).ToList(),
            family.Specialties.Select(RoleOf).ToList(),
            new CareerLadderExport(CareerLadderLinks.Find(family.CareerLadder)));
    }

    // Versions from git history, newest first; left out of the file when the build reads no history.
    private static List<VersionExport>? VersionsOf(Handbook.Site.Versions.PublishedVersions? versions) =>
        versions?.Versions.Select(v => new VersionExport(v.Id, Handbook.Site.Versions.VersionDates.Iso(v.Date), v.CommitSha, v.Subject, v.Url)).ToList();

    private static RoleExport RoleOf(Role role) =>
        new(
            role.Name,
            role.Anchor,
            role.Grade is null ? null : new GradeExport(role.Grade.Value, role.Grade.Title, role.Grade.Track, role.Grade.Url),
            ItemsOf(role.Responsibilities),
            ItemsOf(role.Requirements),
            ItemsOf(role.NiceToHaves),
            role.Extends.Select(e => new ExtendsExport(e.Url, e.Role, e.Sections)).ToList());

    private static List<ItemExport> ItemsOf(Section? section) =>
        section is null
            ? []
            : section.Items
                .Select(i => new ItemExport(i.Text, i.InheritedFrom is null ? null : new InheritedFromExport(i.InheritedFrom.Url, i.InheritedFrom.Level, i.InheritedFrom.Section)))
                .ToList();
}
