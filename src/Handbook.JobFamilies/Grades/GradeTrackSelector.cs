namespace Handbook.JobFamilies.Grades;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Chooses whose titles a family's grades show: the front matter's <c>grade_track</c> when it names a declared
/// track; else the track a calculator link's anchor names (later handbooks link grades to the department's table,
/// <c>…/compensation-calculator/#customer-success</c>, or the table heading's anchor <c>#salessales-development</c>); else the first track whose <c>departments</c> list the
/// family's department; else <c>general</c>.
/// </summary>
public static class GradeTrackSelector
{
    public const string FrontMatterKey = "grade_track";

    public static GradeTrack Select(JobFamily family, GradeTable table, ICollection<Diagnostic> diagnostics) =>
        Select(family, table, [], diagnostics);

    public static GradeTrack Select(JobFamily family, GradeTable table, IEnumerable<GradeMention> mentions, ICollection<Diagnostic> diagnostics)
    {
        if (family.FrontMatter.Values.TryGetValue(FrontMatterKey, out var value) && value is not null)
        {
            var requested = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
            if (table.FindTrack(requested) is { } chosen)
            {
                return chosen;
            }

            diagnostics.Add(Diagnostic.Warning(
                "GRADE007",
                $"grade_track '{requested}' is not a track of the grade data",
                family.FrontMatter.LocationOf(family.SourcePath, FrontMatterKey),
                "use one of: " + string.Join(", ", table.Tracks.Select(t => t.Id))));
        }

        var linked = mentions
            .Where(m => m.Target == CalculatorLinkKind.OtherAnchor && m.Link?.Url is not null)
            .Select(m => table.FindTrackByAnchor(CalculatorLink.AnchorOf(m.Link!.Url!)))
            .FirstOrDefault(t => t is not null && t.Id != GradeTable.GeneralTrackId);
        if (linked is not null)
        {
            return linked;
        }

        return table.Tracks.FirstOrDefault(t => t.Departments.Contains(family.Department, StringComparer.OrdinalIgnoreCase))
            ?? table.FindTrack(GradeTable.GeneralTrackId)
            ?? GradeTrack.General;
    }
}
