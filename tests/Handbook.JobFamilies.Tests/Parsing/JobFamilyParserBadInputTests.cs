namespace Handbook.JobFamilies.Tests.Parsing;

using System.Diagnostics;
using System.Text;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>Whatever the bytes, the parser reports and returns a model; it never throws.</summary>
public sealed class JobFamilyParserBadInputTests
{
    private const string Path = "job-families/widgets/widget.md";
    private readonly List<Diagnostic> _diagnostics = [];

    [Fact]
    public void Given_nul_bytes_When_parsed_Then_MD004_is_reported_at_the_first_one_and_parsing_goes_on()
    {
        var family = new JobFamilyParser().Parse(Path, "---\ntitle: W\n---\n## Responsibilities\n* a\0b\n", _diagnostics);

        var error = Assert.Single(_diagnostics);
        Assert.Equal("MD004", error.Code);
        Assert.Equal(new SourceLocation(Path, 5, 4), error.Location);
        Assert.Equal("a\uFFFDb", family.PageRole!.Responsibilities!.Items.Single().Text);
    }

    [Fact]
    public void Given_random_binary_content_When_parsed_Then_no_exception_and_a_title_error()
    {
        var random = new Random(42);
        var bytes = new byte[20_000];
        random.NextBytes(bytes);
        var text = Encoding.UTF8.GetString(bytes);

        var family = new JobFamilyParser().Parse(Path, text, _diagnostics);

        Assert.NotNull(family.Body);
        Assert.Contains(_diagnostics, d => d.Code == "MD004");
        Assert.Contains(_diagnostics, d => d.Code is "FM010" or "FM011");
    }

    [Fact]
    public void Given_replacement_characters_from_invalid_utf8_When_parsed_Then_they_are_kept_as_text()
    {
        var family = new JobFamilyParser().Parse(Path, "---\ntitle: Caf\uFFFD\n---\n## Levels\n### Senior \uFFFD\n", _diagnostics);

        Assert.Equal("Caf\uFFFD", family.Title);
        // kramdown drops the U+FFFD but keeps the space before it, as it would on GitLab's site.
        Assert.Equal("senior-", Assert.Single(family.Levels).Anchor);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Given_no_final_newline_When_parsed_Then_the_last_item_and_line_are_kept()
    {
        var family = new JobFamilyParser().Parse(Path, "---\ntitle: W\n---\n## Levels\n### Senior\n#### Responsibilities\n* last", _diagnostics);

        var level = Assert.Single(family.Levels);
        Assert.Equal("last", level.Responsibilities!.Items.Single().Text);
        Assert.Equal(7, level.EndLine);
    }

    [Fact]
    public void Given_crlf_line_endings_When_parsed_Then_structure_and_lines_match_lf()
    {
        var lf = "---\ntitle: W\n---\n## Levels\n### Senior\n#### Job Grade\nGrade 7.\n#### Requirements\n* Skill\n";
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        var a = new JobFamilyParser().Parse(Path, lf, _diagnostics);
        var b = new JobFamilyParser().Parse(Path, crlf, _diagnostics);

        Assert.Empty(_diagnostics);
        Assert.Equal(FamilyOutline.Of(a), FamilyOutline.Of(b));
        Assert.Equal("Skill", b.Levels[0].Requirements!.Items[0].Text);
        Assert.Equal(9, b.Levels[0].Requirements!.Items[0].Location.Line);
    }

    [Fact]
    public void Given_only_front_matter_When_parsed_Then_the_family_has_a_title_and_no_roles()
    {
        var family = new JobFamilyParser().Parse(Path, "---\ntitle: Fellow\n---", _diagnostics);

        Assert.Equal("Fellow", family.Title);
        Assert.Empty(family.Roles);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Given_a_5_MB_page_When_parsed_Then_it_finishes_quickly_with_all_levels()
    {
        var text = new StringBuilder("---\ntitle: Big\n---\n## Levels\n");
        for (var i = 0; text.Length < 5_000_000; i++)
        {
            text.Append("### Level ").Append(i).Append("\n#### Job Grade\nGrade 7.\n#### Responsibilities\n");
            for (var j = 0; j < 20; j++)
            {
                text.Append("* Responsibility number ").Append(j).Append(" with some words to make the line longer\n");
            }
        }

        var watch = Stopwatch.StartNew();
        var family = new JobFamilyParser().Parse(Path, text.ToString(), _diagnostics);
        watch.Stop();

        Assert.True(family.Levels.Count > 3_000, $"{family.Levels.Count} levels");
        Assert.Equal("level-1", family.Levels[1].Anchor);
        Assert.Equal("responsibilities-1", family.Levels[1].Responsibilities!.Anchor);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("---\n---")]
    [InlineData("title:")]
    [InlineData("#")]
    [InlineData("**")]
    [InlineData("## Levels\n###\n####")]
    [InlineData("* \n  * \n    * ")]
    [InlineData("| a |\n|---|\n| b |")]
    [InlineData("<div>\n## x\n</div>")]
    [InlineData("\uFEFF")]
    [InlineData("\r\r\r")]
    [InlineData("---\r---\r# T")]
    public void Given_degenerate_input_When_parsed_Then_no_exception_and_a_title(string text)
    {
        var family = new JobFamilyParser().Parse(Path, text, _diagnostics);

        Assert.False(string.IsNullOrWhiteSpace(family.Title));
    }
}
