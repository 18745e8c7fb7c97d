namespace Handbook.JobFamilies.Tests.Fuzz;

using System.Diagnostics;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Markdig.Syntax;

/// <summary>
/// Minimal inputs of the bugs the fuzz suite found: no exception, a diagnostic, no hang, and positions inside the page
/// (see README.md, "Bugs found by this suite").
/// </summary>
[Trait("Category", "Fuzz")]
public class KnownBugRegressionTests
{
    [Fact]
    public void Given_128_nested_block_quotes_when_the_page_is_parsed_then_it_reports_instead_of_throwing()
    {
        var page = string.Concat(Enumerable.Repeat("> ", 128)) + "x\n";
        var diagnostics = new List<Diagnostic>();

        var family = new JobFamilyParser().Parse("job-families/sales/deep.md", page, diagnostics);

        Assert.NotNull(family);
        Assert.NotEmpty(diagnostics);
    }

    [Fact]
    public void Given_64_nested_list_items_when_the_page_is_parsed_then_it_reports_instead_of_throwing()
    {
        var page = string.Concat(Enumerable.Range(0, 64).Select(d => new string(' ', 2 * d) + "- x\n"));
        var diagnostics = new List<Diagnostic>();

        var family = new JobFamilyParser().Parse("job-families/sales/deep.md", page, diagnostics);

        Assert.NotNull(family);
        Assert.NotEmpty(diagnostics);
    }

    [Fact]
    public void Given_a_calculator_page_with_128_nested_quotes_when_imported_then_it_reports_instead_of_throwing()
    {
        var page = "## GitLab Job Grades\n\n" + string.Concat(Enumerable.Repeat("> ", 128)) + "x\n";
        var diagnostics = new List<Diagnostic>();

        CalculatorImporter.Import(page, diagnostics);

        Assert.NotEmpty(diagnostics);
    }

    [Fact]
    public void Given_grade_yaml_with_an_open_flow_mapping_when_read_then_it_reports_a_syntax_error()
    {
        var diagnostics = new List<Diagnostic>();

        var table = GradeTableReader.Read("data/job-grades.yml", ": {\ns", diagnostics);

        Assert.Empty(table.Grades);
        Assert.Contains(diagnostics, d => d.Code == "GRADE100");
    }

    [Fact]
    public void Given_front_matter_with_an_open_flow_mapping_when_read_then_it_reports_instead_of_throwing()
    {
        var result = FrontMatterReader.Read("job-families/sales/flow.md", "---\ntitle: {\ns\n---\nBody\n");

        Assert.Contains(result.Diagnostics, d => d.Code.StartsWith("FM", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_one_paragraph_of_2000_grade_sentences_when_grades_resolve_then_it_does_not_hang()
    {
        var page = string.Concat(Enumerable.Repeat("is a grade 7 ", 2000)) + "\n";
        var family = new JobFamilyParser().Parse("job-families/sales/long.md", page, new List<Diagnostic>());
        var clock = Stopwatch.StartNew();

        GradeResolver.Resolve(family, PageRun.Grades, new List<Diagnostic>());

        // A hang guard, not a performance target: this took minutes when the subject search was quadratic.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:F1} s for {page.Length} characters");
    }

    // Bug 4: Markdig gives a setext heading the line of its underline and counts its inlines' lines from there, so
    // the grade link on line 3 was reported at line 6 of a 4-line page. Fixed by SetextHeadingLines.
    [Theory]
    [InlineData("|\n|\n[grade](x\r-")]
    [InlineData("|\n|\n[grade](x\n-")]
    [InlineData("a\nb\n[grade](x\n-")]
    [InlineData("a\r\nb\r\n[grade](x\r\n===")]
    public void Given_a_grade_link_in_a_setext_heading_when_grades_resolve_then_diagnostics_are_on_the_link_line(string page)
    {
        var family = new JobFamilyParser().Parse("job-families/sales/setext.md", page, new List<Diagnostic>());
        var diagnostics = new List<Diagnostic>();

        GradeResolver.Resolve(family, PageRun.Grades, diagnostics);

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal(3, d.Location.Line));
    }

    [Fact]
    public void Given_a_setext_heading_inside_a_block_quote_when_parsed_then_the_heading_is_on_its_first_text_line()
    {
        const string page = "Intro\n\n> Senior\n> Analyst\n> ---\n";
        var family = new JobFamilyParser().Parse("job-families/sales/setext.md", page, new List<Diagnostic>());

        var heading = family.Body.Descendants<HeadingBlock>().Single();

        Assert.Equal(2, heading.Line);
        Assert.All(heading.Inline!.Descendants<Markdig.Syntax.Inlines.LiteralInline>(), l => Assert.InRange(l.Line, 2, 3));
    }

    // Bug 5 (long campaign): YamlDotNet ends lines at U+0085 and U+2028 too, so a syntax error in a one-line file was
    // reported on line 3. Positions are now computed from the character index with LF, CR and CRLF only.
    [Fact]
    public void Given_grade_yaml_with_unicode_line_separators_when_read_then_the_error_is_on_a_line_of_the_file()
    {
        const string yaml = "grades: x\u0085y\u2028z: ]";
        var diagnostics = new List<Diagnostic>();

        GradeTableReader.Read("data/job-grades.yml", yaml, diagnostics);

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal(1, d.Location.Line));
    }
}
