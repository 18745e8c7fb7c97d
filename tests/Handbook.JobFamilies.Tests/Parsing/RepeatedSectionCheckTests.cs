namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// A level's list written under two headings (<see cref="RepeatedSectionCheck"/>): the same heading twice is MD008
/// and one list; an empty first heading gives way to a later one; other headings stay apart.
/// </summary>
public sealed class RepeatedSectionCheckTests
{
    private const string Path = "job-families/widgets/widget-analyst.md";
    private readonly List<Diagnostic> _diagnostics = [];

    [Fact]
    public void Given_a_level_whose_requirements_heading_is_pasted_over_its_responsibilities_When_parsed_Then_MD008_and_both_lists_are_its_requirements()
    {
        // Given the first "Requirements" heading meant as Responsibilities (area-sales-manager's Federal specialty)
        var text = "---\ntitle: Widget Analyst\n---\n## Levels\n\n### Senior Widget Analyst\n\n"
            + "#### Senior Widget Analyst Requirements\n\n* Polishes widgets\n\n"
            + "#### Senior Widget Analyst Requirements\n\n* Five years of polishing\n* Steady hands\n";

        // When parsed
        var family = new JobFamilyParser().Parse(Path, text, _diagnostics);

        // Then the second heading is reported with a hint, and no bullet is lost
        var warning = Assert.Single(_diagnostics, d => d.Code == "MD008");
        Assert.Equal(new SourceLocation(Path, 12, 1), warning.Location);
        Assert.Contains("second 'Senior Widget Analyst Requirements' heading (the first is on line 8)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean Responsibilities?", warning.Hint, StringComparison.Ordinal);
        var level = Assert.Single(family.Levels);
        Assert.Equal(["Polishes widgets", "Five years of polishing", "Steady hands"], level.Requirements!.Items.Select(i => i.Text));
        Assert.Null(level.Responsibilities);
    }

    [Fact]
    public void Given_a_first_responsibilities_heading_without_bullets_When_parsed_Then_the_later_list_is_the_levels_without_a_warning()
    {
        // Given "##### Supervisory Responsibility" (a paragraph) before "#### Responsibilities" (finance/internal-audit)
        var text = "---\ntitle: Widget Analyst\n---\n## Levels\n\n### Widget Audit Manager\n\n"
            + "##### Supervisory Responsibility\n\nLeads two analysts.\n\n"
            + "#### Responsibilities\n\n* Plans audits\n* Reviews findings\n";

        var family = new JobFamilyParser().Parse(Path, text, _diagnostics);

        Assert.DoesNotContain(_diagnostics, d => d.Code == "MD008");
        Assert.Equal(["Plans audits", "Reviews findings"], Assert.Single(family.Levels).Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_an_additional_list_and_a_senior_variants_list_under_a_level_When_parsed_Then_they_stay_apart_without_a_warning()
    {
        // Given "Additional Requirements for EMEA" after the level's requirements, and a first responsibilities heading
        // without bullets followed by a senior variant's list (another role's words)
        var text = "---\ntitle: Widget Analyst\n---\n## Levels\n\n### Widget Analyst\n\n"
            + "#### Requirements\n\n* Counts widgets\n\n#### Additional Requirements for EMEA\n\n* Speaks two languages\n\n"
            + "### Widget Operations\n\n#### Widget Operations Responsibilities\n\nSee above.\n\n"
            + "#### Senior Widget Operations Responsibilities\n\n* Leads the night shift\n";

        var family = new JobFamilyParser().Parse(Path, text, _diagnostics);

        Assert.DoesNotContain(_diagnostics, d => d.Code == "MD008");
        Assert.Equal(["Counts widgets"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
        var operations = family.Levels.Concat(family.Specialties).First(r => r.Name == "Widget Operations");
        Assert.DoesNotContain(operations.Responsibilities?.Items ?? [], i => i.Text == "Leads the night shift");
    }
}
