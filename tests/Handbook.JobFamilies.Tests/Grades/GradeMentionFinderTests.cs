namespace Handbook.JobFamilies.Tests.Grades;

using Handbook.JobFamilies.Grades;
using Markdig.Syntax.Inlines;
using static TestFamilies;

public class GradeMentionFinderTests
{
    private const string Calc = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

    [Theory]
    [InlineData("The Analyst is a [grade 7](" + Calc + ").", "7")]
    [InlineData("The Analyst is a [Grade 7](" + Calc + ").", "7")]
    [InlineData("The Analyst is a [grade #7](" + Calc + ").", "7")]
    [InlineData("The Analyst is a [Job Grade 7](" + Calc + ").", "7")]
    [InlineData("The Analyst is a [job grade 7](" + Calc + ").", "7")]
    [InlineData("The Analyst is a [grade 9.5](" + Calc + ").", "9.5")]
    [InlineData("The Analyst is a [9.5](" + Calc + ").", "9.5")]
    [InlineData("The Analyst is a job grade [level 7](" + Calc + ").", "7")]
    [InlineData("The Analyst is a [grade 7](https://about.gitlab.com/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)", "7")]
    [InlineData("The Analyst is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/)", "7")]
    [InlineData("The Analyst is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#job-grades)", "7")]
    [InlineData("The Analyst can be a [grade 11 or a grade 12](" + Calc + ")", "11,12")]
    [InlineData("The Analyst is a [grade 7 (Senior)](" + Calc + ")", "7")]
    [InlineData("The roles below are grades: [6, 7, 8](" + Calc + ")", "6,7,8")]
    public void Given_a_grade_link_then_its_values_and_the_position_of_its_text_are_found(string markdown, string values)
    {
        var mention = Assert.Single(Find(markdown));

        Assert.Equal(GradeMentionForm.Link, mention.Form);
        Assert.Equal(values.Split(','), mention.Values.Select(v => v.Text));
        Assert.True(mention.IsLinked);
        Assert.IsType<LinkInline>(mention.Node);
        Assert.Equal(0, mention.Line);
        Assert.Equal(markdown.IndexOf('[', StringComparison.Ordinal) + 1, mention.Column);
    }

    [Fact]
    public void The_subject_of_the_sentence_is_the_role_it_names()
    {
        var mention = Assert.Single(Find("Intro line.\nIt pays. The Senior Analyst, Payroll is a [grade 7](" + Calc + ")."));

        Assert.Equal("Senior Analyst, Payroll", mention.Subject);
        Assert.Equal((1, 43), (mention.Line, mention.Column));
    }

    [Theory]
    [InlineData("The Manager, Payroll is a grade 8.", 26)]
    [InlineData("The Manager, Payroll is a job grade 8", 26)]
    [InlineData("Text.  \nThe Manager, Payroll is a grade #8 role.", 26)]
    public void Given_an_unlinked_sentence_then_it_is_a_sentence_mention(string markdown, int column)
    {
        var mention = Assert.Single(Find(markdown));

        Assert.Equal(GradeMentionForm.Sentence, mention.Form);
        Assert.Equal("8", Assert.Single(mention.Values).Text);
        Assert.False(mention.IsLinked);
        Assert.Equal("Manager, Payroll", mention.Subject);
        Assert.Equal(column, mention.Column);
    }

    [Theory]
    [InlineData("Our enterprise-grade 7 tools are a grade-A choice.")]
    [InlineData("Grades are reviewed every 6 months.")]
    [InlineData("Read about [compensation](/handbook/total-rewards/) at grade level.")]
    [InlineData("It is graded 7 out of 10.")]
    public void Prose_that_is_not_a_grade_statement_is_not_a_mention(string markdown)
    {
        Assert.Empty(Find(markdown));
    }

    [Fact]
    public void A_grade_link_without_a_number_remembers_the_number_after_it()
    {
        var mention = Assert.Single(Find("The Engineer is a [grade](" + Calc + ") 6 job."));

        Assert.True(mention.MissingNumber);
        Assert.Empty(mention.Values);
        Assert.Equal("6", mention.NumberAfterLink?.Text);
        Assert.Equal(["6"], mention.EffectiveValues.Select(v => v.Text));
    }

    [Fact]
    public void A_calculator_link_with_other_text_is_found_as_a_link_without_grade_text()
    {
        var mention = Assert.Single(Find("Read more [here](" + Calc + ")."));

        Assert.False(mention.HasGradeText);
        Assert.False(mention.MissingNumber);
        Assert.Equal(CalculatorLinkKind.TableAnchor, mention.Target);
    }

    [Fact]
    public void A_grade_text_link_to_another_page_is_found_with_its_target()
    {
        var mention = Assert.Single(Find("The Analyst is a [grade 7](/handbook/people/)."));

        Assert.Equal(CalculatorLinkKind.NotCalculator, mention.Target);
        Assert.Equal("7", mention.Values[0].Text);
    }

    [Fact]
    public void A_bare_number_linking_elsewhere_is_not_a_grade()
    {
        Assert.Empty(Find("See [7](/handbook/people/), [level 3](/x) and [Grade 7 requirements](/y)."));
    }

    [Fact]
    public void Doubled_parenthesis_left_as_text_is_a_malformed_link_mention()
    {
        var mention = Assert.Single(Find("Line one\nThe Analyst is a [Grade 7]((/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)."));

        Assert.Equal(GradeMentionForm.MalformedLink, mention.Form);
        Assert.False(mention.IsLinked);
        Assert.Equal("7", mention.Values[0].Text);
        Assert.Equal((1, 18), (mention.Line, mention.Column));
        Assert.Equal("Analyst", mention.Subject);
    }

    [Fact]
    public void Doubled_parenthesis_that_Markdig_reads_as_a_link_is_a_malformed_link_mention()
    {
        var mention = Assert.Single(Find("The Analyst is a [Grade 7]((/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades))."));

        Assert.Equal(GradeMentionForm.MalformedLink, mention.Form);
        Assert.True(mention.IsLinked);
        Assert.Equal(CalculatorLinkKind.TableAnchor, mention.Target);
    }

    [Fact]
    public void Grades_in_table_rows_carry_the_rows_level_cell()
    {
        var markdown = "| Level | Grade |\n|---|---|\n| [Senior Analyst](#senior-analyst) | [Grade 7](" + Calc + ") |\n| Staff Analyst | [Grade 8](" + Calc + ") |\n";

        var mentions = Find(markdown);

        Assert.Equal(2, mentions.Count);
        Assert.Equal(new GradeTableRow("Senior Analyst", "#senior-analyst"), mentions[0].Row);
        Assert.Equal(new GradeTableRow("Staff Analyst", null), mentions[1].Row);
        Assert.Equal((2, 39), (mentions[0].Line, mentions[0].Column));
    }

    [Fact]
    public void Bold_grade_lines_are_pseudo_headings()
    {
        var mentions = Find("#### Responsibilities\n\n**Grade 7:**\n* Do things\n\n**Grade 8:** \n* Do more\n\n**Grade** 9 is **not** one\n");

        Assert.Equal(["7", "8"], mentions.Select(m => m.Values[0].Text));
        Assert.All(mentions, m => Assert.Equal(GradeMentionForm.PseudoHeading, m.Form));
        Assert.Equal((2, 2), (mentions[0].Line, mentions[0].Column));
    }
}
