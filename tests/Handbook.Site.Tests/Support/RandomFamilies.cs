namespace Handbook.Site.Tests.Support;

using CsCheck;
using Handbook.JobFamilies.Model;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// Random sites for the search index's property tests: families in two departments (one with an index page, whose
/// title is the department's in the index), each with levels whose graded or ungraded roles carry random
/// responsibilities, requirements and nice-to-haves.
/// </summary>
public static class RandomFamilies
{
    /// <param name="text">The bullet texts (let some repeat within and across families).</param>
    /// <param name="maxItems">Most responsibilities or requirements a role has (nice-to-haves: half of it).</param>
    /// <param name="minFamilies">Fewest families (the index page not counted).</param>
    /// <param name="maxFamilies">Most families.</param>
    /// <param name="maxLevels">Most levels a family has.</param>
    /// <param name="description">The description of two families in three (the others have none).</param>
    public static Gen<List<JobFamily>> Sites(Gen<string> text, int maxItems, int minFamilies, int maxFamilies, int maxLevels, string description)
    {
        ArgumentNullException.ThrowIfNull(text);
        var roles = Gen.Select(Gen.Int[0, 99], text.Array[0, maxItems], text.Array[0, maxItems], text.Array[0, maxItems / 2]).Select(RoleOf);
        return roles.List[0, maxLevels].List[minFamilies, maxFamilies].Select(families =>
            families.Select((levels, i) =>
            {
                var family = Family((i % 2 == 0 ? "sales" : "engineering") + "/family-" + i, "Family " + i, i % 3 == 0 ? null : description);
                family.Levels.AddRange(levels);
                return family;
            }).Append(Family("sales", "Sales Department", isIndex: true)).ToList());
    }

    private static Role RoleOf(int n, string[] responsibilities, string[] requirements, string[] niceToHaves)
    {
        var role = Level("Level " + n, "level-" + n, grade: n % 3 == 0 ? null : (n % 12).ToString(System.Globalization.CultureInfo.InvariantCulture), gradeTitle: n % 2 == 0 ? "Title " + n : null);
        role.Responsibilities = responsibilities.Length == 0 ? null : Section(SectionKind.Responsibilities, "Responsibilities", responsibilities);
        role.Requirements = requirements.Length == 0 ? null : Section(SectionKind.Requirements, "Requirements", requirements);
        role.NiceToHaves = niceToHaves.Length == 0 ? null : Section(SectionKind.NiceToHaves, "Nice-to-haves", niceToHaves);
        return role;
    }
}
