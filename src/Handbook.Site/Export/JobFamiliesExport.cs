namespace Handbook.Site.Export;

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
            .Select(e => FamilyOf(e.Family))
            .OrderBy(f => f.Url, StringComparer.Ordinal)
            .ThenBy(f => f.Source, StringComparer.Ordinal)
            .ToList());

    public static string Serialize(ExportRoot root) => ExportJson.Serialize(root);

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
