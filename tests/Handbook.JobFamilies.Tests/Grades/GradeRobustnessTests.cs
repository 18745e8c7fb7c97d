namespace Handbook.JobFamilies.Tests.Grades;

using System.Text;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using static TestFamilies;

public class GradeRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "[", "]", "(", ")", "((", "](", "]((", "grade", "Grade", "job", " ", " ", "7", "9.5", "#", "1e3", "is a ", "The ",
        "**", "*", "|", "|---|---|\n", "\n", "\n\n", "### Role\n", "## Levels\n", "<br>", "\t", ":", ".", ",", "or a ",
        "/handbook/total-rewards/compensation/compensation-calculator/", "#gitlab-job-grades", "#job-grades", "https://about.gitlab.com",
        "`", "> ", "- ", "1. ", "&amp;", "\\", "level ", "\u00a0",
    ];

    [Fact]
    public void Random_markdown_never_makes_the_grades_pass_or_the_importer_throw()
    {
        var random = new Random(20260128);
        for (var i = 0; i < 1500; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 60);
            for (var j = 0; j < length; j++)
            {
                text.Append(Fragments[random.Next(Fragments.Length)]);
            }

            var markdown = text.ToString();
            var diagnostics = new List<Diagnostic>();
            var family = Family(markdown);
            var mentions = GradeResolver.Resolve(family, StandardGrades, diagnostics);

            Assert.All(diagnostics, d => Assert.InRange(d.Location.Line, 1, markdown.Split('\n').Length));
            Assert.All(mentions, m => Assert.InRange(m.Column, 0, markdown.Length));
            CalculatorImporter.Import("### GitLab Job Grades\n\n" + markdown, diagnostics);
            GradeTableReader.Read("g.yml", markdown, diagnostics);
        }
    }

    private static readonly string[] YamlFragments =
    [
        "grades:\n", "tracks:\n", "  - ", "    ", "id: ", "title: ", "titles:\n", "sales: ", "track: ", "equivalent: ", "note: ",
        "7", "9.5", "x", "\"q\"", "'s'", "null", "~", "[", "]", "{", "}", ",", ":", "&a ", "*a", "!!str ", "\n", "\t", "#c\n",
        "departments: ", "- ", "---\n", "...\n", "|\n", ">\n", "? ", "%YAML 1.1\n",
    ];

    [Fact]
    public void Random_grade_files_never_make_the_reader_throw()
    {
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 40);
            for (var j = 0; j < length; j++)
            {
                text.Append(YamlFragments[random.Next(YamlFragments.Length)]);
            }

            var diagnostics = new List<Diagnostic>();
            var table = GradeTableReader.Read("g.yml", text.ToString(), diagnostics);

            Assert.All(diagnostics, d => Assert.StartsWith("GRADE1", d.Code, StringComparison.Ordinal));
            Assert.Equal(table.Grades.Count, table.Grades.Select(g => g.Id).Distinct().Count());
        }
    }

    [Fact]
    public void A_grade_inside_an_included_partial_is_reported_in_the_partial()
    {
        // Parsed lines 3-4 came from the partial's lines 1-2 (as the ERB expander records them).
        var map = new SourceMap(Path);
        map.Add(3, 2, "job-families/finance/_grade.md", 1);
        var family = Family("### Analyst\n\nThe Analyst is a [grade 13](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n", sourceMap: map);

        var (_, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal(new SourceLocation("job-families/finance/_grade.md", 1, 19), d.Location);
        Assert.Equal(d.Location, family.Levels[0].Grade!.Location);
    }
}
