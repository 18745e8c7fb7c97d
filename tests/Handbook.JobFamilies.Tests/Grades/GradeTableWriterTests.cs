namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;

public class GradeTableWriterTests
{
    [Fact]
    public void Written_file_reads_back_to_the_same_table()
    {
        var table = new GradeTable(
            [GradeTrack.General, new GradeTrack("sales", "Sales / Sales Development", ["sales"]), new GradeTrack("customer-success", "Customer Success", [])],
            [
                new Grade { Id = GradeId.Parse("9.5"), Title = "Manager, Product / Principal: PM", Note = "dropped in 2022" },
                new Grade { Id = GradeId.Parse("7"), Title = "Senior", Titles = new Dictionary<string, string> { ["sales"] = "Mid Market" }, CareerTrack = "individual-contributor", Equivalent = "#1 \"quoted\"" },
            ],
            importedFrom: "compensation-calculator/index.html.md");

        var yaml = GradeTableWriter.Write(table);
        var diagnostics = new List<Diagnostic>();
        var back = GradeTableReader.Read("job-grades.yml", yaml, diagnostics);

        Assert.Empty(diagnostics);
        Assert.StartsWith("# ", yaml, StringComparison.Ordinal);
        Assert.Contains("from compensation-calculator/index.html.md", yaml, StringComparison.Ordinal);
        Assert.Equal(["general", "sales", "customer-success"], back.Tracks.Select(t => t.Id));
        Assert.Equal(["sales"], back.FindTrack("sales")!.Departments);
        Assert.Equal(["7", "9.5"], back.Grades.Select(g => g.Id.Text));
        Assert.Equal("Mid Market", back.Find("7")!.TitleIn("sales"));
        Assert.Equal("#1 \"quoted\"", back.Find("7")!.Equivalent);
        Assert.Equal("Manager, Product / Principal: PM", back.Find("9.5")!.Title);
        Assert.Equal("dropped in 2022", back.Find("9.5")!.Note);
        Assert.Equal(yaml, GradeTableWriter.Write(back).Replace("# Written by handbook-site.\n", "# Imported by `handbook-site import-grades` from compensation-calculator/index.html.md.\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Grades_are_written_in_ascending_numeric_order_whatever_the_input_order()
    {
        var table = new GradeTable([], new[] { "10", "9.5", "4", "12" }.Select(id => new Grade { Id = GradeId.Parse(id), Title = "T" + id }));

        var yaml = GradeTableWriter.Write(table);

        var positions = new[] { "id: 4", "id: 9.5", "id: 10", "id: 12" }.Select(s => yaml.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("...", yaml, StringComparison.Ordinal);
    }
}
