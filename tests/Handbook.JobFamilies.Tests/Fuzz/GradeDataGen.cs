namespace Handbook.JobFamilies.Tests.Fuzz;

using System.Globalization;
using CsCheck;

/// <summary>Generators of grade data: job-grades.yml text (valid-ish, duplicated, junk) and compensation-calculator pages.</summary>
internal static class GradeDataGen
{
    private static readonly Gen<string> Id = Gen.Frequency(
        (5, Gen.Int[0, 20].Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Select(Gen.Int[0, 20], Gen.Int[0, 9], (a, b) => $"{a}.{b}")),
        (1, Gen.OneOf("\"7\"", "'9.5'", "-1", "1e3", "", "~", "[7]", "{a: 1}", "99999999999999999999", "sales", "7 ", "null", "&a 7", "*a", "!!int x")));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (4, Gen.OneOf("Senior", "\"Staff\"", "'Principal'", "Mid Market", "individual-contributor", "management", "general", "sales")),
        (1, PageGen.Junk.Select(j => "\"" + j.Replace("\"", "", StringComparison.Ordinal) + "\"")),
        (1, PageGen.Junk));

    private static readonly Gen<string> GradeEntry = Gen.Select(
        Id,
        Scalar,
        Gen.OneOf("", "    titles:\n      sales: \"Mid\"\n", "    titles:\n      nowhere: x\n", "    titles: [a, b]\n", "    titles:\n      sales:\n"),
        Gen.OneOf("", "    track: individual-contributor\n", "    track: management\n", "    track: sideways\n", "    equivalent: Manager\n", "    note: \"n\"\n", "    colour: red\n", "    title: twice\n"),
        (id, title, titles, extra) => $"  - id: {id}\n    title: {title}\n{titles}{extra}");

    private static readonly Gen<string> TrackEntry = Gen.Select(
        Gen.OneOf("general", "sales", "customer-success", "Sales", "", "\"\""),
        Scalar,
        Gen.OneOf("", "    departments: [sales]\n", "    departments: []\n", "    departments: sales\n", "    departments:\n      - {a: b}\n"),
        (id, name, departments) => $"  - id: {id}\n    name: {name}\n{departments}");

    /// <summary>YAML that mostly has the right shape, with wrong parts spliced in.</summary>
    private static readonly Gen<string> ValidIsh = Gen.Select(
        Gen.Frequency((2, TrackEntry.Array[0, 4].Select(t => "tracks:\n" + string.Concat(t))), (1, Gen.Const(""))),
        GradeEntry.Array[0, 20],
        Gen.OneOf("", "extra: 1\n", "grades: again\n", "tracks: 7\n", "---\nsecond: doc\n", "\t- tab\n", "? complex\n: key\n"),
        (tracks, grades, tail) => tracks + "grades:\n" + string.Concat(grades) + tail);

    public static readonly Gen<string> Yaml = Gen.Frequency(
        (6, ValidIsh),
        (3, Gen.Select(ValidIsh, PageGen.Junk, Gen.Int, (y, j, at) => y.Insert(y.Length == 0 ? 0 : (int)((uint)at % (uint)y.Length), j))),
        (1, Gen.Select(ValidIsh, Gen.Int, (y, at) => y[..(y.Length == 0 ? 0 : (int)((uint)at % (uint)y.Length))])),
        (1, PageGen.Junk.Array[0, 10].Select(string.Concat)),
        (1, Gen.OneOf("", "~", "[]", "- a\n- b\n", "grades:\n  - !!binary AAAA\n", "&a [*a]\n", "grades: &g\n  - id: 1\n    title: a\ntracks: *g\n",
            string.Concat(Enumerable.Repeat("[", 5000)), "grades:\n" + string.Concat(Enumerable.Repeat("  - id: 7\n    title: x\n", 3000)))));

    /// <summary>Compensation-calculator pages: a "GitLab Job Grades" section with pipe tables of junk.</summary>
    public static readonly Gen<string> CalculatorPage = Gen.Select(
        Gen.OneOf("## GitLab Job Grades\n\n", "# gitlab job grades\n\n", "## Job Grades\n\n", ""),
        Gen.Select(
                Gen.OneOf("", "### Sales\n\n", "**Customer Success**\n\n", "### Sales\n\n### Sales\n\n"),
                Gen.OneOf("| Grade | Title |\n|---|---|\n", "| Grade | IC | Manager |\n|---|---|---|\n", "| x |\n|-|\n", "|\n|\n"),
                Gen.Select(Id, Scalar, PageGen.Junk, (id, title, junk) => $"| {id} | {title} | {junk} |\n").Array[0, 15],
                (label, header, rows) => label + header + string.Concat(rows) + "\n")
            .Array[0, 4],
        PageGen.Junk,
        (heading, tables, junk) => heading + string.Concat(tables) + junk);
}
