namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Diagnostics;
using Handbook.Testing;

public class CalculatorImporterTests
{
    private const string CalculatorFolder = "gitlab-compensation-data/compensation-calculator";

    // A small page in the calculator's shape (own words): TABs in cells, <br> between titles, three tables.
    private const string Page = "# Calculator\n\nIntro.\n\n### GitLab Job Grades\n\nText.\n\n#### Job Grades:\n\n"
        + "| Grade\t| Management | Individual Contributor |\n|---|---|---|\n"
        + "| 12 | VP | Fellow |\n"
        + "| 9.5\t| Lead, Things | Principal Thing Maker |\n"
        + "| 8\t\t| Manager | Staff <br> Senior Thing Maker <br/> Consultant |\n"
        + "| 7\t\t|  | Senior\t |\n"
        + "| n/a | | |\n\n"
        + "##### Sales/Sales Development:\n\n| Grade | Management | Individual Contributor |\n|---|---|---|\n| 8 | | \tBig Deals |\n| 7 | | Middle Deals |\n\n"
        + "##### Customer Success:\n\n| Grade | Management | Individual Contributor |\n|---|---|---|\n| 8 |  |  |\n| 7 | | Senior |\n\n"
        + "## Next section\n\n| Grade | Management |\n|---|---|\n| 99 | Nobody |\n";

    [Fact]
    public void Given_the_three_tables_when_imported_then_each_becomes_a_track_with_its_titles()
    {
        var diagnostics = new List<Diagnostic>();

        var table = CalculatorImporter.Import(Page, diagnostics, "calc.md");

        Assert.Equal(["general", "sales", "customer-success"], table.Tracks.Select(t => t.Id));
        Assert.Equal("Sales/Sales Development", table.FindTrack("sales")!.Name);
        Assert.Equal(["7", "8", "9.5", "12"], table.Grades.Select(g => g.Id.Text));
        Assert.Equal("Manager / Staff / Senior Thing Maker / Consultant", table.Find("8")!.Title);
        Assert.Equal("Big Deals", table.Find("8")!.TitleIn("sales"));
        Assert.Equal("Manager / Staff / Senior Thing Maker / Consultant", table.Find("8")!.TitleIn("customer-success"));
        Assert.Equal("Senior", table.Find("7")!.Title);
        Assert.Equal("individual-contributor", table.Find("7")!.CareerTrack);
        Assert.Null(table.Find("8")!.CareerTrack);
        Assert.Null(table.Find("99"));

        var skipped = Assert.Single(diagnostics);
        Assert.Equal("GRADE111", skipped.Code);
        Assert.Equal(new SourceLocation("calc.md", 17, 1), skipped.Location);
    }

    [Fact]
    public void A_differently_worded_grades_heading_is_accepted()
    {
        var diagnostics = new List<Diagnostic>();

        var table = CalculatorImporter.Import("## Our Job Grades\n\n| Grade | Individual Contributor | Management |\n|---|---|---|\n| 6 | Intermediate | |\n| 8 | Staff | Manager |\n", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["Intermediate", "Manager / Staff"], table.Grades.Select(g => g.Title));
    }

    [Fact]
    public void A_page_without_the_grades_heading_is_GRADE110_and_an_empty_table()
    {
        var diagnostics = new List<Diagnostic>();

        var ok = GradeImport.Run("# Something else\n\n| Grade | Management |\n|---|---|\n| 7 | x |\n", "other.md", out var yaml, diagnostics);

        Assert.False(ok);
        Assert.Equal(string.Empty, yaml);
        Assert.Equal("GRADE110", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Run_gives_yaml_that_the_reader_loads_back_cleanly()
    {
        var diagnostics = new List<Diagnostic>();

        var ok = GradeImport.Run(Page, "calc.md", out var yaml, diagnostics);
        var back = GradeTableReader.Read("job-grades.yml", yaml, diagnostics);

        Assert.True(ok);
        Assert.Equal(["GRADE111"], diagnostics.Select(d => d.Code));
        Assert.Equal(["7", "8", "9.5", "12"], back.Grades.Select(g => g.Id.Text));
        Assert.Equal("Middle Deals", back.Find("7")!.TitleIn("sales"));
        Assert.Contains("from calc.md", yaml, StringComparison.Ordinal);
    }

    public static TheoryData<string, bool> Versions => new()
    {
        { "history/2022-08-25_6ef184d43d.index.html.md", true },
        { "history/2022-08-30_65c9d5ba23.index.html.md", true },
        { "history/2022-09-15_e66952bc7b.index.html.md", false },
        { "index.html.md", false },
    };

    [CorpusFact]
    public void Every_real_version_imports_with_its_grade_ids_and_titles()
    {
        foreach (var (file, has95) in Versions.Select(row => ((string)row[0], (bool)row[1])))
        {
            var diagnostics = new List<Diagnostic>();
            var markdown = File.ReadAllText(SharedCorpus.PathOf(CalculatorFolder + "/" + file));

            var table = CalculatorImporter.Import(markdown, diagnostics, file);

            Assert.Empty(diagnostics);
            var expected = has95
                ? new[] { "4", "5", "6", "7", "8", "9", "9.5", "10", "11", "12", "14", "15" }
                : ["4", "5", "6", "7", "8", "9", "10", "11", "12", "14", "15"];
            Assert.Equal(expected, table.Grades.Select(g => g.Id.Text));
            Assert.Null(table.Find("13"));
            Assert.Equal(["general", "sales", "customer-success"], table.Tracks.Select(t => t.Id));
            Assert.Equal("CEO", table.Find("15")!.Title);
            Assert.Equal("EVP/CXO", table.Find("14")!.Title);
            Assert.Equal("VP / Fellow", table.Find("12")!.Title);
            Assert.Equal("Intern", table.Find("4")!.Title);
            Assert.Equal("Junior", table.Find("5")!.Title);
            Assert.Equal("Intermediate", table.Find("6")!.Title);
            Assert.Equal("Enterprise", table.Find("8")!.TitleIn("sales").Split(" / ")[^1]);
            Assert.Equal("Mid Market", table.Find("7")!.TitleIn("sales"));
            Assert.Equal("Analyst/ SDR", table.Find("5")!.TitleIn("sales"));
            Assert.Equal("Senior Manager / Manager / Principal / Staff", table.Find("9")!.TitleIn("customer-success"));

            // 8 has no title in the customer-success table: the general one applies.
            Assert.Equal(table.Find("8")!.Title, table.Find("8")!.TitleIn("customer-success"));
            if (has95)
            {
                Assert.Equal("Manager, Product / Principal Product Manager", table.Find("9.5")!.Title);
                Assert.Equal("Senior", table.Find("7")!.Title);
            }
            else
            {
                Assert.Equal("Senior / Product Manager", table.Find("7")!.Title);
                Assert.Equal("Manager / Staff / Senior Product Manager / Consultant", table.Find("8")!.Title);
            }
        }
    }

    [CorpusFact]
    public void The_real_page_imports_to_a_file_that_reads_back_identically()
    {
        var diagnostics = new List<Diagnostic>();
        var markdown = File.ReadAllText(SharedCorpus.PathOf(CalculatorFolder + "/index.html.md"));

        var ok = GradeImport.Run(markdown, "compensation-calculator/index.html.md", out var yaml, diagnostics);
        var back = GradeTableReader.Read("data/job-grades.yml", yaml, diagnostics);

        Assert.True(ok);
        Assert.Empty(diagnostics);
        var direct = CalculatorImporter.Import(markdown, diagnostics);
        Assert.Equal(direct.Grades.Select(g => (g.Id.Text, g.Title, g.CareerTrack)), back.Grades.Select(g => (g.Id.Text, g.Title, g.CareerTrack)));
        Assert.All(direct.Grades, g => Assert.Equal(g.Titles.OrderBy(t => t.Key), back.Find(g.Id)!.Titles.OrderBy(t => t.Key)));
        Assert.Equal(yaml, GradeTableWriter.Write(new GradeTable(back.Tracks, back.Grades, "compensation-calculator/index.html.md")));
    }
}
