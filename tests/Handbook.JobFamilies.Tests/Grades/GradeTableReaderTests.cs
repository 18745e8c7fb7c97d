namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;

public class GradeTableReaderTests
{
    private const string Path = "data/job-grades.yml";

    private static (GradeTable Table, List<Diagnostic> Diagnostics) Read(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var table = GradeTableReader.Read(Path, yaml, diagnostics);
        return (table, diagnostics);
    }

    [Fact]
    public void Reads_tracks_grades_titles_and_optional_fields()
    {
        var (table, diagnostics) = Read("""
            tracks:
              - id: general
                name: General
              - id: sales
                name: Sales
                departments: [sales, alliances]
            grades:
              - id: 7
                title: "Senior"
                titles:
                  sales: "Mid Market"
                track: individual-contributor
                equivalent: null
                note: "a note"
              - id: 9.5
                title: Manager, Product
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(["general", "sales"], table.Tracks.Select(t => t.Id));
        Assert.Equal(["sales", "alliances"], table.FindTrack("sales")!.Departments);
        var seven = table.Find("7")!;
        Assert.Equal("Senior", seven.Title);
        Assert.Equal("Mid Market", seven.TitleIn("sales"));
        Assert.Equal("Senior", seven.TitleIn("general"));
        Assert.Equal("individual-contributor", seven.CareerTrack);
        Assert.Null(seven.Equivalent);
        Assert.Equal("a note", seven.Note);
        Assert.Equal(8, seven.Line);
        Assert.Equal("9.5", table.Find("9.50")!.Id.Text);
    }

    [Fact]
    public void Without_tracks_the_general_track_is_the_only_one()
    {
        var (table, diagnostics) = Read("grades:\n  - id: 5\n    title: Junior\n");

        Assert.Empty(diagnostics);
        Assert.Equal(["general"], table.Tracks.Select(t => t.Id));
    }

    [Fact]
    public void Duplicate_id_is_GRADE102_at_the_second_entry_even_when_written_differently()
    {
        var (table, diagnostics) = Read("grades:\n  - id: 7\n    title: Senior\n  - id: 7.0\n    title: Other\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE102", d.Code);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(new SourceLocation(Path, 4, 5), d.Location);
        Assert.Contains("line 2", d.Message);
        Assert.Equal("Senior", Assert.Single(table.Grades).Title);
    }

    [Fact]
    public void Missing_title_is_GRADE103()
    {
        var (table, diagnostics) = Read("grades:\n  - id: 7\n    note: no title here\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE103", d.Code);
        Assert.Equal(2, d.Location.Line);
        Assert.Empty(table.Grades);
    }

    [Fact]
    public void Unknown_key_is_GRADE101_at_the_key_with_a_did_you_mean_hint()
    {
        var (_, diagnostics) = Read("grades:\n  - id: 7\n    title: Senior\n    Note: wrong case\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE101", d.Code);
        Assert.Equal(new SourceLocation(Path, 4, 5), d.Location);
        Assert.Equal("did you mean 'note'?", d.Hint);
    }

    [Fact]
    public void Unknown_root_key_is_GRADE101()
    {
        var (_, diagnostics) = Read("levels: []\ngrades: []\n");

        Assert.Equal(("GRADE101", 1), (diagnostics.Single().Code, diagnostics.Single().Location.Line));
    }

    [Theory]
    [InlineData("seven")]
    [InlineData("-7")]
    [InlineData("7.")]
    [InlineData("1e3")]
    public void Bad_id_is_GRADE104_at_the_id(string id)
    {
        var (table, diagnostics) = Read($"grades:\n  - title: Senior\n    id: \"{id}\"\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE104", d.Code);
        Assert.Equal(new SourceLocation(Path, 3, 9), d.Location);
        Assert.Empty(table.Grades);
    }

    [Fact]
    public void Titles_for_an_undeclared_track_are_GRADE105_listing_the_declared_ones()
    {
        var (table, diagnostics) = Read("tracks:\n  - id: sales\n    name: Sales\ngrades:\n  - id: 7\n    title: Senior\n    titles:\n      support: Senior Agent\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE105", d.Code);
        Assert.Equal(new SourceLocation(Path, 8, 7), d.Location);
        Assert.Contains("general, sales", d.Hint);
        Assert.Equal("Senior", table.Find("7")!.TitleIn("support"));
    }

    [Fact]
    public void Syntax_error_is_GRADE100_at_the_line_of_the_error()
    {
        var (table, diagnostics) = Read("grades:\n  - id: 7\n    title: \"Senior\n  - id: 8\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE100", d.Code);
        Assert.InRange(d.Location.Line, 3, 5);
        Assert.Empty(table.Grades);
    }

    [Fact]
    public void Syntax_error_from_bad_indentation_points_at_the_offending_line()
    {
        var (_, diagnostics) = Read("grades:\n  - id: 7\n    title: Senior\n   bad: indentation\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE100", d.Code);
        Assert.Equal(4, d.Location.Line);
    }

    [Fact]
    public void Wrong_shape_is_GRADE106_and_unknown_career_track_GRADE107()
    {
        var (_, diagnostics) = Read("grades:\n  - 7\n  - id: 8\n    title: Staff\n    track: sales\n");

        Assert.Equal(["GRADE106", "GRADE107"], diagnostics.Select(d => d.Code));
        Assert.Equal([2, 5], diagnostics.Select(d => d.Location.Line));
        Assert.Equal(Severity.Warning, diagnostics[1].Severity);
    }

    [Fact]
    public void Empty_file_is_an_empty_table_without_diagnostics()
    {
        var (table, diagnostics) = Read("# nothing yet\n");

        Assert.Empty(diagnostics);
        Assert.Empty(table.Grades);
    }

    [Fact]
    public void Nearest_gives_the_next_lower_and_higher_ids()
    {
        var (table, _) = Read("grades:\n" + string.Concat(new[] { "8", "9", "10", "12", "14" }.Select(id => $"  - id: {id}\n    title: T{id}\n")));

        Assert.Equal(["9", "10"], table.Nearest(9.5m).Select(g => g.Id.Text));
        Assert.Equal(["12", "14"], table.Nearest(13m).Select(g => g.Id.Text));
        Assert.Equal(["14"], table.Nearest(20m).Select(g => g.Id.Text));
        Assert.Equal(["8"], table.Nearest(4m).Select(g => g.Id.Text));
    }

    [CorpusFact]
    public void The_bench_generators_grade_file_loads_without_diagnostics()
    {
        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "grades-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("python3")
            {
                ArgumentList = { System.IO.Path.Combine(SharedCorpus.BenchFolder!, "gen-corpus.py"), "3", "--out", output },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using (var process = System.Diagnostics.Process.Start(start)!)
            {
                process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Assert.Equal(0, process.ExitCode);
            }

            var (table, diagnostics) = Read(File.ReadAllText(System.IO.Path.Combine(output, "input", "data", "job-grades.yml")));

            Assert.Empty(diagnostics);
            Assert.Equal(Enumerable.Range(5, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), table.Grades.Select(g => g.Id.Text));
            Assert.Equal("Manager", table.Find("8")!.Equivalent);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
