namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Markdig;
using static TestFamilies;

public class GradeResolverTests
{
    private const string Calc = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";
    private const string Absolute = "https://about.gitlab.com/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

    [Fact]
    public void Given_levels_with_grade_links_then_each_level_gets_its_grade_and_the_links_point_at_the_grade_rows()
    {
        var family = Family(
            "## Levels\n\n### Payroll Analyst\n\n#### Job Grade\n\nThe Payroll Analyst is a [grade 6](" + Calc + ").\n\n"
            + "### Senior Payroll Analyst\n\n#### Senior Payroll Analyst Job Grade\n\nThe Senior Payroll Analyst is a [Grade 7](" + Absolute + ")\n");

        var (mentions, diagnostics) = Resolve(family);

        Assert.Empty(diagnostics);
        Assert.Equal(2, mentions.Count);
        var analyst = family.Levels[0].Grade!;
        Assert.Equal(("6", "Title 6", "general", "/handbook/total-rewards/compensation/compensation-calculator/#grade-6"), (analyst.Value, analyst.Title, analyst.Track, analyst.Url));
        Assert.Equal(new SourceLocation(Path, 7, 27), analyst.Location);
        Assert.Equal("7", family.Levels[1].Grade!.Value);
        Assert.Equal("/handbook/total-rewards/compensation/compensation-calculator/#grade-7", mentions[1].Link!.Url);
        var html = Markdown.ToHtml(family.Body, Pipeline);
        Assert.Contains("<a href=\"/handbook/total-rewards/compensation/compensation-calculator/#grade-6\" class=\"grade\" title=\"Grade 6: Title 6\">grade 6</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_grade_links_to_an_anchor_with_a_dash()
    {
        var family = Family("### Manager\n\nThe Manager is a [grade 9.5](" + Calc + ").\n");

        var (mentions, diagnostics) = Resolve(family, Grades("9", "9.5", "10"));

        Assert.Empty(diagnostics);
        Assert.Equal("/handbook/total-rewards/compensation/compensation-calculator/#grade-9-5", mentions[0].Link!.Url);
        Assert.Equal("9.5", family.Levels[0].Grade!.Value);
    }

    [Fact]
    public void GRADE001_unknown_grade_is_an_error_at_the_link_text_with_the_nearest_grades()
    {
        var family = Family("### Manager\n\nThe Manager is a [grade 9.5](" + Calc + ").\n");

        var (mentions, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("GRADE001", Severity.Error), (d.Code, d.Severity));
        Assert.Equal(new SourceLocation(Path, 3, 19), d.Location);
        Assert.Equal("unknown grade 9.5", d.Message);
        Assert.Equal("nearest grades: 9, 10", d.Hint);
        Assert.False(family.Levels[0].Grade!.Resolved);
        Assert.Equal(GradeTable.PageUrl + "#gitlab-job-grades", mentions[0].Link!.Url);
    }

    [Fact]
    public void GRADE001_for_an_unknown_unlinked_grade_too()
    {
        var family = Family("### Manager\n\nThe Manager is a grade 13.\n");

        var (_, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE001", d.Code);
        Assert.Equal(new SourceLocation(Path, 3, 18), d.Location);
        Assert.Equal("nearest grades: 12, 14", d.Hint);
    }

    [Fact]
    public void GRADE002_grade_link_without_number_uses_the_number_after_it_and_says_so()
    {
        var family = Family("### Engineer\n\nThe Engineer is a [grade](" + Calc + ") 6 job.\n");

        var (_, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("GRADE002", Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(new SourceLocation(Path, 3, 20), d.Location);
        Assert.Equal("the number 6 follows the link: write [grade 6](…)", d.Hint);
        Assert.Equal("6", family.Levels[0].Grade!.Value);
    }

    [Fact]
    public void GRADE002_without_any_number_leaves_the_role_without_grade()
    {
        var family = Family("### Engineer\n\nThe Engineer is a [grade](" + Calc + ").\n");

        var (_, diagnostics) = Resolve(family);

        Assert.Equal("GRADE002", Assert.Single(diagnostics).Code);
        Assert.Null(family.Levels[0].Grade);
    }

    [Theory]
    [InlineData("The Widget Intern is not aligned to a job [grade](" + Calc + ").")]
    [InlineData("Widget interns have no [grade](" + Calc + ") yet.")]
    [InlineData("The Widget Intern isn't on a [grade](" + Calc + ").")]
    public void A_sentence_saying_there_is_no_grade_is_not_GRADE002(string sentence)
    {
        var family = Family("### Widget Intern\n\n" + sentence + "\n");

        var (_, diagnostics) = Resolve(family);

        Assert.Empty(diagnostics);
        Assert.Null(family.Levels[0].Grade);
    }

    [Fact]
    public void A_negation_in_an_earlier_sentence_does_not_hide_GRADE002()
    {
        var family = Family("### Engineer\n\nThis is not a trainee role. The Engineer is a [grade](" + Calc + ").\n");

        var (_, diagnostics) = Resolve(family);

        Assert.Equal("GRADE002", Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("Job Grades")]
    [InlineData("our job grades")]
    [InlineData("GitLab grades and levels")]
    public void A_calculator_link_naming_the_grades_in_general_is_a_pointer_to_the_table_without_diagnostics(string text)
    {
        var family = Family("## Grades\n\nRead more about the [" + text + "](" + Calc + ").\n\n### Engineer\n\nThe Engineer is a [grade 6](" + Calc + ").\n");

        var (mentions, diagnostics) = Resolve(family);

        Assert.Empty(diagnostics);
        Assert.True(mentions[0].IsTableReference);
        Assert.Equal(Calc, mentions[0].Link!.Url);
        Assert.Equal("6", Assert.Single(family.Levels).Grade!.Value);
    }

    [Theory]
    [InlineData("Job Grade")]
    [InlineData("grade")]
    public void GRADE002_a_singular_grade_link_without_number_still_warns(string text)
    {
        var family = Family("### Engineer\n\nThe Engineer is a [" + text + "](" + Calc + ").\n");

        var (mentions, diagnostics) = Resolve(family);

        Assert.Equal("GRADE002", Assert.Single(diagnostics).Code);
        Assert.False(mentions[0].IsTableReference);
    }

    [Fact]
    public void GRADE003_grade_text_linking_elsewhere_keeps_its_url_and_still_sets_the_grade()
    {
        var family = Family("### Analyst\n\nThe Analyst is a [grade 7](/handbook/people/).\n");

        var (mentions, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("GRADE003", Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(new SourceLocation(Path, 3, 19), d.Location);
        Assert.Contains("#grade-7", d.Hint, StringComparison.Ordinal);
        Assert.Equal("/handbook/people/", mentions[0].Link!.Url);
        Assert.Equal("7", family.Levels[0].Grade!.Value);
    }

    [Fact]
    public void GRADE003_calculator_link_without_grade_text()
    {
        var family = Family("### Analyst\n\nRead more about grades [here](" + Absolute + ").\n");

        var (mentions, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE003", d.Code);
        Assert.Equal(new SourceLocation(Path, 3, 25), d.Location);
        Assert.Equal(Absolute, mentions[0].Link!.Url);
        Assert.Null(family.Levels[0].Grade);
    }

    [Fact]
    public void A_link_to_the_calculator_page_as_a_whole_with_other_text_is_not_reported()
    {
        var family = Family("### Analyst\n\nBuild a [compensation model](/handbook/total-rewards/compensation/compensation-calculator/).\n");

        var (mentions, diagnostics) = Resolve(family);

        Assert.Single(mentions);
        Assert.Empty(diagnostics);
        Assert.Equal("/handbook/total-rewards/compensation/compensation-calculator/", mentions[0].Link!.Url);
    }

    [Fact]
    public void GRADE004_grade_outside_any_role()
    {
        var family = Family("Intro: the Analyst is a [grade 7](" + Calc + ").\n\n### Senior Analyst\n\nText.\n");

        var (_, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("GRADE004", Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(new SourceLocation(Path, 1, 26), d.Location);
        Assert.Null(family.Levels[0].Grade);
    }

    [Theory]
    [InlineData("https://about.gitlab.com/handbook/total-rewards/compensation/compensation-calculator/#job-grades")]
    [InlineData("/handbook/total-rewards/compensation/compensation-calculator/#Job-Grades")]
    public void Given_a_grade_linked_to_the_general_tables_own_heading_When_resolved_Then_it_is_the_grade_table_no_warning_and_the_link_goes_to_the_row(string url)
    {
        // "#job-grades" is the heading of the general table right under "GitLab Job Grades" on the calculator page
        // (both eras): a real anchor of the same table, not a mistake (it was GRADE005 before).
        var family = Family("### Director\n\nThe Director is a [grade 10](" + url + ")\n");

        var (mentions, diagnostics) = Resolve(family);

        Assert.Empty(diagnostics);
        Assert.Equal(CalculatorLinkKind.TableAnchor, mentions[0].Target);
        Assert.Equal("/handbook/total-rewards/compensation/compensation-calculator/#grade-10", mentions[0].Link!.Url);
        Assert.Equal("10", family.Levels[0].Grade!.Value);
    }

    [Fact]
    public void GRADE006_role_with_two_different_grades_keeps_the_first()
    {
        var family = Family("### Analyst\n\nThe Analyst is a [grade 7](" + Calc + ").\n\nLater: the Analyst is a [grade 8](" + Calc + ").\n\nAgain a [grade 7](" + Calc + ").\n");

        var (_, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("GRADE006", Severity.Warning), (d.Code, d.Severity));
        Assert.Equal(new SourceLocation(Path, 5, 26), d.Location);
        Assert.Contains("7 (line 3) and 8", d.Message, StringComparison.Ordinal);
        Assert.Equal("7", family.Levels[0].Grade!.Value);
    }

    [Theory]
    [InlineData("grade 7-8", 19)]
    [InlineData("Grades 7 – 8", 19)]
    [InlineData("7-8", 19)]
    [InlineData("grade 7–8 (Senior)", 19)]
    public void GRADE009_a_range_of_grades_is_reported_and_the_role_gets_its_first_grade(string text, int column)
    {
        // Given a level whose grade link names a range (a role has one grade)
        var family = Family("### Analyst\n\nThe Analyst is a [" + text + "](" + Calc + ").\n");

        // When its grades are resolved
        var (_, diagnostics) = Resolve(family);

        // Then the first grade is the role's, and the range is reported where the link text starts, with a hint
        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE009", d.Code);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(new SourceLocation(Path, 3, column), d.Location);
        Assert.Contains("(7 to 8); the role gets grade 7", d.Message, StringComparison.Ordinal);
        Assert.Equal("a role has one grade: write [grade 7](…), or give each grade's role its own heading", d.Hint);
        Assert.Equal("7", family.Levels[0].Grade!.Value);
    }

    [Fact]
    public void A_list_of_grades_and_a_grade_with_a_dash_after_it_are_no_range()
    {
        // Given a list of grades (one per level) and a single grade followed by a dash and words
        var family = Family(
            "## Levels\n\nThe roles described below are grades: [6, 7](" + Calc + ").\n\n### Analyst\n\n#### Responsibilities\n\n* Count\n\n"
            + "### Senior Analyst\n\n#### Responsibilities\n\n* Count more\n\n### Manager\n\nThe Manager is a [grade 9 - see the table](" + Calc + ").\n");

        // When resolved
        var (_, diagnostics) = Resolve(family);

        // Then no range is reported
        Assert.DoesNotContain(diagnostics, d => d.Code == "GRADE009");
    }

    [Fact]
    public void GRADE008_doubled_parenthesis_is_reported_and_the_grade_still_counts()
    {
        var family = Family("### Analyst\n\nThe Analyst is a [Grade 7]((/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n");

        var (_, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE008", d.Code);
        Assert.Equal(new SourceLocation(Path, 3, 19), d.Location);
        Assert.Equal("7", family.Levels[0].Grade!.Value);
    }

    [Fact]
    public void GRADE008_also_when_the_doubled_parenthesis_is_before_an_absolute_url_that_markdown_autolinks()
    {
        // Found by the mistake catalogue: the autolinked URL used to be reported as a grade-table link whose text
        // names no grade (GRADE003), with a hint about link text instead of the '(('.
        var family = Family("### Analyst\n\nThe Analyst is a [Grade 7]((" + Absolute + ").\n");

        var (_, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE008", d.Code);
        Assert.Equal(new SourceLocation(Path, 3, 19), d.Location);
        Assert.Equal("7", family.Levels[0].Grade!.Value);
    }

    [Fact]
    public void GRADE008_in_a_table_cell_is_reported_at_the_cell_not_at_line_1()
    {
        // Found by the mistake catalogue: Markdig gives a cell that starts with a '[' opening no link line 0 and
        // column 0, so the warning pointed at the page's first line.
        var family = Family("### Analyst\n\n| Level | Grade |\n|---|---|\n| [Analyst](#analyst) | [Grade 8]((" + Absolute + ") |\n");

        var (_, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics, d => d.Code == "GRADE008");
        Assert.Equal(new SourceLocation(Path, 5, 26), d.Location);
    }

    [Theory]
    [InlineData("grade 7a", "'7a'", "nearest grades: 7")]
    [InlineData("Grade 9.5b", "'9.5b'", "nearest grades: 9, 10")]
    public void GRADE001_for_grade_link_text_with_a_typo_in_the_number(string text, string named, string hint)
    {
        // Found by the mistake catalogue: "[grade 7a](…)" was reported as a link whose text names no grade (GRADE003).
        var family = Family("### Analyst\n\nThe Analyst is a [" + text + "](" + Calc + ").\n");

        var (_, diagnostics) = Resolve(family, Grades("7", "9", "10"));

        var d = Assert.Single(diagnostics);
        Assert.Equal(("GRADE001", Severity.Error), (d.Code, d.Severity));
        Assert.Contains(named, d.Message, StringComparison.Ordinal);
        Assert.Equal(hint, d.Hint);
        Assert.Equal(new SourceLocation(Path, 3, 19), d.Location);
    }

    [Fact]
    public void Unlinked_sentence_sets_the_grade()
    {
        var family = Family("### Manager, Payroll\n\nThe Manager, Payroll is a grade 8.\n");

        var (_, diagnostics) = Resolve(family);

        Assert.Empty(diagnostics);
        Assert.Equal(("8", "Title 8"), (family.Levels[0].Grade!.Value, family.Levels[0].Grade!.Title));
    }

    [Fact]
    public void Several_grades_in_one_section_go_to_the_roles_their_sentences_name()
    {
        // The Director's section also states the VP's grade (a nesting mistake the corpus has).
        var family = Family(
            "## Director, Services\n\n### Job Grade\n\nThe Director, Services is a [grade 10](" + Calc + ").\n\n"
            + "The Vice President of Services (VPS) is a job grade [12](" + Calc + ").\n\n## Vice President of Services\n\nText.\n",
            roleLevel: 2);

        var (_, diagnostics) = Resolve(family);

        Assert.Empty(diagnostics);
        Assert.Equal("10", family.Levels[0].Grade!.Value);
        Assert.Equal("12", family.Levels[1].Grade!.Value);
    }

    [Fact]
    public void A_single_grade_stays_with_its_section_even_when_the_sentence_names_another_role()
    {
        // A copy-paste slip ("Director" for "Senior Director") must not move the grade to the other role.
        var family = Family("### Director\n\nThe Director is a [grade 10](" + Calc + ").\n\n### Senior Director\n\nThe Director is a [grade 11](" + Calc + ").\n");

        var (_, diagnostics) = Resolve(family);

        Assert.Empty(diagnostics);
        Assert.Equal(["10", "11"], family.Levels.Select(l => l.Grade!.Value));
    }

    [Fact]
    public void Table_rows_give_grades_to_the_roles_their_level_cells_name()
    {
        var family = Family(
            "## Levels\n\n| Level | Grade |\n|---|---|\n"
            + "| [Associate](#associate) | [Grade 5](" + Absolute + ") |\n"
            + "| [Intermediate](intermediate) | [Grade 6](" + Absolute + ") |\n"
            + "| [Senior](#wrong-anchor) | [Grade 7](" + Absolute + ") |\n"
            + "| [Principal](#principal) | [Grade 9](" + Absolute + ") |\n\n"
            + "### Associate\n\nText.\n\n### Intermediate\n\nText.\n\n### Senior\n\nText.\n");

        var (_, diagnostics) = Resolve(family);

        Assert.Equal(["5", "6", "7"], family.Levels.Select(l => l.Grade?.Value));
        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE004", d.Code);
        Assert.Equal(new SourceLocation(Path, 8, 30), d.Location);
        Assert.Contains("'Principal'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pseudo_headings_are_checked_but_do_not_give_the_role_a_grade()
    {
        var family = Family("### Market Insights\n\n#### Responsibilities\n\n**Grade 7:**\n* Do things\n\n**Grade 13:**\n* Do more\n");

        var (_, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal("GRADE001", d.Code);
        Assert.Equal(new SourceLocation(Path, 8, 3), d.Location);
        Assert.Null(family.Levels[0].Grade);
    }

    [Fact]
    public void A_range_sets_the_first_grade_and_checks_all()
    {
        var family = Family("### Chief of Staff\n\nThe Chief of Staff can be a [grade 11 or a grade 13](" + Calc + ")\n");

        var (_, diagnostics) = Resolve(family);

        Assert.Equal("11", family.Levels[0].Grade!.Value);
        Assert.Equal(["GRADE001"], diagnostics.Select(d => d.Code));
        Assert.Contains("13", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Track_comes_from_front_matter_first()
    {
        var family = Family("### Rep\n\nThe Rep is a [grade 7](" + Calc + ").\n", department: "sales", frontMatter: new Dictionary<string, object?> { ["grade_track"] = "customer-success" });

        var (_, diagnostics) = Resolve(family);

        Assert.Empty(diagnostics);
        Assert.Equal(("customer-success", "Title 7"), (family.Levels[0].Grade!.Track, family.Levels[0].Grade!.Title));
    }

    [Fact]
    public void Track_comes_from_a_calculator_link_naming_a_track_table_before_the_department()
    {
        var family = Family(
            "### Consultant\n\nThe Consultant is a job grade [7](" + Calc + ").\n\nThe grades of this department are [here](/handbook/total-rewards/compensation/compensation-calculator/#customer-success).\n",
            department: "sales");

        var (_, diagnostics) = Resolve(family);

        Assert.Empty(diagnostics);
        Assert.Equal("customer-success", family.Levels[0].Grade!.Track);
    }

    [Fact]
    public void Track_comes_from_a_link_to_the_anchor_of_the_tracks_table_heading_as_the_hugo_era_page_writes_it()
    {
        // The track "Garden/Garden Shop" (id "garden") has its table under that heading: anchor #gardengarden-shop.
        var table = new GradeTable(
            [GradeTrack.General, new GradeTrack("garden", "Garden/Garden Shop", [])],
            [new Grade { Id = GradeId.Parse("7"), Title = "Title 7", Titles = new Dictionary<string, string> { ["garden"] = "Garden 7" } }]);
        var family = Family("### Grower\n\nThe Grower is a job grade [7](/handbook/total-rewards/compensation/compensation-calculator/#gardengarden-shop).\n");

        var (_, diagnostics) = Resolve(family, table);

        Assert.Empty(diagnostics);
        Assert.Equal(("garden", "Garden 7"), (family.Levels[0].Grade!.Track, family.Levels[0].Grade!.Title));
        Assert.Null(table.FindTrackByAnchor("garden-shop"));
    }

    [Fact]
    public void Track_comes_from_the_department_when_front_matter_does_not_choose()
    {
        var family = Family("### Rep\n\nThe Rep is a [grade 7](" + Calc + ").\n", department: "sales");

        Resolve(family);

        Assert.Equal(("sales", "Sales 7"), (family.Levels[0].Grade!.Track, family.Levels[0].Grade!.Title));
    }

    [Fact]
    public void Track_is_general_otherwise_and_GRADE007_for_an_unknown_front_matter_track()
    {
        var family = Family("### Rep\n\nThe Rep is a [grade 7](" + Calc + ").\n", department: "finance", frontMatter: new Dictionary<string, object?> { ["grade_track"] = "support" });

        var (_, diagnostics) = Resolve(family);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("GRADE007", Severity.Warning), (d.Code, d.Severity));
        Assert.Contains("general, sales, customer-success", d.Hint, StringComparison.Ordinal);
        Assert.Equal(("general", "Title 7"), (family.Levels[0].Grade!.Track, family.Levels[0].Grade!.Title));
    }

    [Fact]
    public void GRADE007_points_at_the_grade_track_value_in_the_front_matter()
    {
        // Given a track name with a typo on the third front matter line
        var text = "---\ntitle: \"Rep\"\nweight: 20\ngrade_track:   sale\n---\n\n### Rep\n";
        var read = FrontMatterReader.Read(TestFamilies.Path, text);
        var family = Family("### Rep\n\nThe Rep is a [grade 7](" + Calc + ").\n", department: "finance", readFrontMatter: read.FrontMatter);

        // When
        var (_, diagnostics) = Resolve(family);

        // Then: line 4, the column of 'sale' (not line 1, where the front matter starts)
        var d = Assert.Single(diagnostics);
        Assert.Equal(("GRADE007", 4, 16), (d.Code, d.Location.Line, d.Location.Column));
    }
}
