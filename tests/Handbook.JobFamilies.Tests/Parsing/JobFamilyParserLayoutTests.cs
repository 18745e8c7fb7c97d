namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>The model builder on each page layout real job families use (REPORT §4), with pages written here.</summary>
public sealed class JobFamilyParserLayoutTests
{
    private readonly List<Diagnostic> _diagnostics = [];

    private JobFamily Parse(params string[] bodyLines) =>
        new JobFamilyParser().Parse(
            "job-families/widgets/widget-engineer.md",
            "---\nlayout: job_family_page\ntitle: \"Widget Engineer\"\n---\n" + string.Join("\n", bodyLines) + "\n",
            _diagnostics);

    [Fact]
    public void Given_template_1_with_prefixed_level_sections_When_parsed_Then_each_level_has_grade_responsibilities_requirements()
    {
        var family = Parse(
            "Widget engineers build widgets.",
            "",
            "## Levels",
            "",
            "### Widget Engineer",
            "",
            "#### Widget Engineer Job Grade",
            "",
            "The Widget Engineer is a grade 6.",
            "",
            "#### Widget Engineer Responsibilities",
            "",
            "* Build widgets",
            "* Test widgets",
            "",
            "#### Widget Engineer Requirements",
            "",
            "* Knows widgets",
            "",
            "### Senior Widget Engineer",
            "",
            "#### Senior Widget Engineer Job Grade",
            "",
            "#### Senior Widget Engineer Responsibilities",
            "",
            "* Lead widget work",
            "",
            "## Performance Indicators",
            "",
            "* Widgets shipped",
            "",
            "## Career Ladder",
            "",
            "## Hiring Process",
            "",
            "1. Screening call");

        Assert.Equal("Widget Engineer", family.Title);
        Assert.Equal(["Widget Engineer", "Senior Widget Engineer"], family.Levels.Select(l => l.Name));
        var first = family.Levels[0];
        Assert.Equal(RoleKind.Level, first.Kind);
        Assert.Equal("widget-engineer", first.Anchor);
        Assert.Equal("Widget Engineer Job Grade", first.JobGrade!.Title);
        Assert.Equal(["Build widgets", "Test widgets"], first.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Knows widgets"], first.Requirements!.Items.Select(i => i.Text));
        Assert.Equal(9, first.StartLine);
        Assert.Equal(23, first.EndLine);
        Assert.Equal(24, family.Levels[1].StartLine);
        Assert.Equal("senior-widget-engineer-responsibilities", family.Levels[1].Responsibilities!.Anchor);
        Assert.Null(family.PageRole);
        Assert.Equal(["Widgets shipped"], family.PerformanceIndicators!.Items.Select(i => i.Text));
        Assert.NotNull(family.CareerLadder);
        Assert.Equal("Hiring Process", family.HiringProcess!.Title);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Given_roles_whose_lists_are_headed_what_you_can_expect_and_you_should_apply_if_When_parsed_Then_they_are_the_roles_responsibilities_and_requirements()
    {
        var family = Parse(
            "## Widget Engineering Roles",
            "",
            "### Manager, Widget Engineering",
            "",
            "#### Job Grade",
            "",
            "The Manager, Widget Engineering is a grade 8.",
            "",
            "#### What you can expect in a Manager, Widget Engineering role at GitLab",
            "",
            "As a manager you will be:",
            "",
            "- coaching widget engineers",
            "- planning the widget roadmap",
            "",
            "#### Projects you might work on",
            "",
            "- a widget sorter",
            "",
            "#### You should apply if",
            "",
            "- you have led a widget team",
            "",
            "### Senior Manager, Widget Engineering",
            "",
            "#### Job Grade",
            "",
            "The Senior Manager, Widget Engineering is a grade 9.",
            "",
            "#### What you can expect in a Senior Widget Engineering Manager role at GitLab",
            "",
            "- leading several widget teams");

        Assert.Equal(["Manager, Widget Engineering", "Senior Manager, Widget Engineering"], family.Levels.Select(l => l.Name));
        var manager = family.Levels[0];
        Assert.Equal(["coaching widget engineers", "planning the widget roadmap"], manager.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["you have led a widget team"], manager.Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["leading several widget teams"], family.Levels[1].Responsibilities!.Items.Select(i => i.Text));
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Given_levels_with_generic_sub_headings_and_an_empty_level_When_parsed_Then_all_levels_are_found()
    {
        var family = Parse(
            "## Levels",
            "### Junior Widget Engineer",
            "Junior engineers learn.",
            "### Intermediate Widget Engineer",
            "#### Job Grade",
            "Grade 6.",
            "#### Responsibilities",
            "* Build",
            "#### Requirements",
            "* Skill",
            "#### Nice-to-have Requirement",
            "* Extra");

        Assert.Equal(["Junior Widget Engineer", "Intermediate Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.Null(family.Levels[0].Responsibilities);
        var intermediate = family.Levels[1];
        Assert.NotNull(intermediate.JobGrade);
        Assert.Equal(["Build"], intermediate.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Skill"], intermediate.Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Extra"], intermediate.NiceToHaves!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_template_2_with_one_h2_per_role_When_parsed_Then_each_h2_is_a_level()
    {
        var family = Parse(
            "## Widget Lead",
            "### Job Grade",
            "### Responsibilities",
            "* Lead",
            "### Requirements",
            "* Leading",
            "## Widget Director",
            "### Job Grade",
            "### Responsibilities",
            "* Direct",
            "## Hiring Process");

        Assert.Equal(["Widget Lead", "Widget Director"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Direct"], family.Levels[1].Responsibilities!.Items.Select(i => i.Text));
        Assert.Null(family.PageRole);
        Assert.NotNull(family.HiringProcess);
    }

    [Fact]
    public void Given_a_single_role_page_When_parsed_Then_the_sections_make_the_page_role()
    {
        var family = Parse(
            "Intro.",
            "## Job Grade",
            "Grade 8.",
            "## Responsibilities",
            "* Own the widget roadmap",
            "## Requirements",
            "* Roadmaps",
            "## Performance Indicators",
            "* Roadmap delivered");

        Assert.Empty(family.Levels);
        var role = family.PageRole!;
        Assert.Equal(RoleKind.Page, role.Kind);
        Assert.Equal("Widget Engineer", role.Name);
        Assert.Equal(string.Empty, role.Anchor);
        Assert.NotNull(role.JobGrade);
        Assert.Equal(["Own the widget roadmap"], role.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Roadmaps"], role.Requirements!.Items.Select(i => i.Text));
        Assert.Null(role.PerformanceIndicators);
        Assert.Equal(["Roadmap delivered"], family.PerformanceIndicators!.Items.Select(i => i.Text));
        Assert.Equal(1, role.StartLine);
        Assert.Equal(13, role.EndLine);
    }

    [Fact]
    public void Given_levels_as_h2_without_a_levels_heading_When_parsed_Then_headings_with_role_sections_are_levels()
    {
        var family = Parse(
            "### Levels",
            "",
            "## Senior Widget Analyst",
            "#### Senior Widget Analyst Job Grade",
            "#### Senior Widget Analyst Responsibilities",
            "* Analyse",
            "## Director - Widgets",
            "#### Director - Widgets Job Grade",
            "#### Director - Widgets Requirements",
            "* Direct",
            "## Career Ladder");

        Assert.Equal(["Senior Widget Analyst", "Director - Widgets"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Direct"], family.Levels[1].Requirements!.Items.Select(i => i.Text));
        Assert.NotNull(family.CareerLadder);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Given_an_empty_levels_heading_followed_by_sibling_levels_When_parsed_Then_the_siblings_are_levels()
    {
        var family = Parse(
            "## Responsibilities",
            "* Shared duty",
            "## Levels",
            "## Widget Specialist",
            "Specialists specialise.",
            "## Widget Manager",
            "### Job Grade",
            "## Performance Indicators");

        Assert.Equal(["Widget Specialist", "Widget Manager"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Shared duty"], family.PageRole!.Responsibilities!.Items.Select(i => i.Text));
        Assert.NotNull(family.PerformanceIndicators);
    }

    [Fact]
    public void Given_an_empty_levels_of_something_heading_When_parsed_Then_the_heading_after_it_is_no_level()
    {
        var family = Parse(
            "## Gadget Level Matrix",
            "| Scope | Reach |",
            "|---|---|",
            "| Small | Level 6 |",
            "### Levels of Scope",
            "Scope grows with each level.",
            "### Growing in the Gadget Ladder",
            "* Take on larger gadgets",
            "## Gadget Roles",
            "### Gadget Fitter",
            "#### Gadget Fitter Job Grade",
            "The role is a grade 6.");

        Assert.Equal(["Gadget Fitter"], family.Levels.Select(l => l.Name));
    }

    [Fact]
    public void Given_requirements_split_into_a_plain_sub_heading_and_desired_skills_When_parsed_Then_the_sub_heading_is_no_role()
    {
        var family = Parse(
            "## Gadget Coordinator",
            "### Job Grade",
            "The Gadget Coordinator is a grade 7.",
            "### Requirements",
            "#### Needed Know-how/Background",
            "* Five years of gadgets",
            "#### Desired Skills",
            "* Knows sprockets");

        var role = Assert.Single(family.Levels);
        Assert.Equal("Gadget Coordinator", role.Name);
        Assert.Equal(["Five years of gadgets"], role.Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Knows sprockets"], role.NiceToHaves!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_roles_group_whose_last_levels_have_no_sub_headings_When_parsed_Then_they_are_levels_too()
    {
        var family = Parse(
            "## Gadget Support Roles",
            "### Manager, Gadget Support",
            "#### Job Grade",
            "The Manager, Gadget Support is a grade 8.",
            "#### Responsibilities",
            "* Run the gadget desk",
            "### Director of Gadget Support",
            "The Director of Gadget Support role extends the Manager, Gadget Support role",
            "* Run several gadget desks",
            "### VP of Gadget Support",
            "* Set the gadget support vision",
            "## Hiring Process",
            "* Apply");

        Assert.Equal(["Manager, Gadget Support", "Director of Gadget Support", "VP of Gadget Support"], family.Levels.Select(l => l.Name));
    }

    [Fact]
    public void Given_a_roles_group_with_a_shared_section_When_parsed_Then_only_headings_with_sections_are_levels()
    {
        var family = Parse(
            "## Gadget Support Roles",
            "### Requirements",
            "* Likes gadgets",
            "### Manager, Gadget Support",
            "#### Responsibilities",
            "* Run the gadget desk",
            "### Director of Gadget Support",
            "* Run several gadget desks");

        Assert.Equal(["Manager, Gadget Support"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Likes gadgets"], family.PageRole!.Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_job_grade_as_a_sibling_after_each_level_heading_When_parsed_Then_the_grade_belongs_to_the_level_before()
    {
        var family = Parse(
            "## Levels of Widget Engineer roles",
            "### Intermediate Widget Engineer",
            "* Builds",
            "### Job Grade",
            "Grade 6.",
            "### Senior Widget Engineer",
            "* Leads",
            "### Job Grade",
            "Grade 7.");

        Assert.Equal(["Intermediate Widget Engineer", "Senior Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.Equal(8, family.Levels[0].JobGrade!.StartLine);
        Assert.Equal(9, family.Levels[0].EndLine);
        Assert.Equal(12, family.Levels[1].JobGrade!.StartLine);
    }

    [Fact]
    public void Given_grades_at_h5_under_h4_levels_When_parsed_Then_levels_have_their_grades()
    {
        var family = Parse(
            "## Levels",
            "#### Widget Marketer",
            "##### Job Grade ",
            "##### Responsibilities",
            "* Market",
            "####  Senior Widget Marketer",
            "##### Job Grade");

        Assert.Equal(["Widget Marketer", "Senior Widget Marketer"], family.Levels.Select(l => l.Name));
        Assert.All(family.Levels, l => Assert.NotNull(l.JobGrade));
    }

    [Fact]
    public void Given_several_h2_job_grades_When_parsed_Then_the_first_is_the_page_role_grade()
    {
        var family = Parse(
            "## Job Grade",
            "Grade 12.",
            "## Responsibilities",
            "* Run finance",
            "## Job Grade",
            "Grade 13 for the VP.");

        Assert.Equal(5, family.PageRole!.JobGrade!.StartLine);
        Assert.Equal(2, family.PageRole.Sections.Count(s => s.Kind == SectionKind.JobGrade));
    }

    [Fact]
    public void Given_a_job_grade_heading_naming_another_role_When_parsed_Then_it_starts_that_role()
    {
        var family = Parse(
            "### Job Grade ",
            "### Responsibilities",
            "* Direct services",
            "## Senior Director",
            "### Job Grade ",
            "### Requirements",
            "* Senior directing",
            "### Vice President of Widget Services (WS) Job Grade",
            "Grade 12.",
            "### Vice President of WS Responsibilities",
            "* Preside",
            "## KPIs",
            "* Utilisation");

        Assert.Equal(["Senior Director", "Vice President of Widget Services (WS)"], family.Levels.Select(l => l.Name));
        var director = family.Levels[0];
        var vp = family.Levels[1];
        Assert.Equal(["Senior directing"], director.Requirements!.Items.Select(i => i.Text));
        Assert.Null(director.Responsibilities);
        Assert.Equal(["Preside"], vp.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(vp.StartLine - 1, director.EndLine);
        Assert.Equal(["Direct services"], family.PageRole!.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Utilisation"], family.PerformanceIndicators!.Items.Select(i => i.Text));
        Assert.Null(vp.PerformanceIndicators);
    }

    [Fact]
    public void Given_a_responsibilities_and_requirements_heading_When_parsed_Then_it_fills_both()
    {
        var family = Parse(
            "## Levels",
            "### Associate Widget Architect",
            "#### Associate Widget Architect Responsibilities & Requirements",
            "* Everything");

        var level = Assert.Single(family.Levels);
        Assert.Same(level.Responsibilities, level.Requirements);
    }

    [Fact]
    public void Given_specialties_When_parsed_Then_each_child_is_a_specialty_with_its_sections()
    {
        var family = Parse(
            "## Specialties",
            "Pick one.",
            "### Gadgets",
            "#### Requirements",
            "* Gadget skills",
            "#### Responsibilties",
            "* Gadget work",
            "### Gizmos",
            "#### Gizmos Responsibilities",
            "* Gizmo work");

        Assert.Equal(["Gadgets", "Gizmos"], family.Specialties.Select(s => s.Name));
        Assert.All(family.Specialties, s => Assert.Equal(RoleKind.Specialty, s.Kind));
        Assert.Equal(["Gadget work"], family.Specialties[0].Responsibilities!.Items.Select(i => i.Text));
        var typo = Assert.Single(_diagnostics);
        Assert.Equal("MD002", typo.Code);
        Assert.Equal(10, typo.Location.Line);
        Assert.Equal("did you mean 'Responsibilities'?", typo.Hint);
    }

    [Fact]
    public void Given_bold_lines_standing_in_for_headings_When_parsed_Then_they_make_sections()
    {
        var family = Parse(
            "## Levels",
            "### Widget Manager",
            "**Responsibilities**",
            "* Manage",
            "",
            "**Nice-to-haves**",
            "",
            "* Extra",
            "",
            "**Requirements:**",
            "* Managing");

        var level = Assert.Single(family.Levels);
        Assert.Equal(["Manage"], level.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Extra"], level.NiceToHaves!.Items.Select(i => i.Text));
        Assert.Equal(["Managing"], level.Requirements!.Items.Select(i => i.Text));
        Assert.Null(level.Requirements.Heading);
        Assert.Equal(4, level.Requirements.HeadingLevel);
    }

    [Fact]
    public void Given_plain_lines_titling_a_specialtys_lists_When_parsed_Then_they_make_its_sections()
    {
        var family = Parse(
            "## Specialties",
            "### Gear Design",
            "",
            "Gear designers draw the gears the widgets need.",
            "",
            "Gear Design Responsibilities",
            "",
            "- Draw gears",
            "- Review drawings",
            "",
            "Requirements:",
            "- Drawing skills",
            "",
            "### Gear Testing",
            "",
            "Gear Testing Responsibilities",
            "- Test gears",
            "",
            "Gear Testing Responsibilities are shared with the widget team.",
            "- Stays with the list above",
            "",
            "Widget Responsibilties",
            "- A typo: not read as a title");

        var design = family.Specialties[0];
        Assert.Equal("Gear Design", design.Name);
        Assert.Equal(["Draw gears", "Review drawings"], design.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Drawing skills"], design.Requirements!.Items.Select(i => i.Text));
        Assert.Null(design.Responsibilities.Heading);
        Assert.Equal(4, design.Responsibilities.HeadingLevel);

        var testing = family.Specialties[1];
        Assert.Equal(["Test gears", "Stays with the list above", "A typo: not read as a title"], testing.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(2, family.Specialties.Count);
    }

    [Fact]
    public void Given_bullets_right_under_a_roles_heading_When_parsed_Then_they_are_its_overview_and_no_list()
    {
        var family = Parse(
            "## Levels",
            "### Widget Engineer",
            "#### Responsibilities",
            "* Build widgets",
            "#### Staff Widget Engineer Responsibilities",
            "* Lead widget work",
            "## Specialties",
            "### Gears",
            "Gear work.",
            "",
            "* Design gears",
            "* Test gears",
            "#### Requirements",
            "* Gear experience",
            "### Springs",
            "Spring work, in prose only.");

        var gears = family.Specialties[0];
        Assert.Equal(["Design gears", "Test gears"], gears.Overview!.Items.Select(i => i.Text));
        Assert.Equal("Gears", gears.Overview.Title);
        Assert.Null(gears.Responsibilities);
        Assert.Equal(["Gear experience"], gears.Requirements!.Items.Select(i => i.Text));
        Assert.Null(family.Specialties[1].Overview);

        // A level with no bullets of its own has none; one made from a list heading has that list, not an overview.
        Assert.Equal(["Widget Engineer", "Staff Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.All(family.Levels, level => Assert.Null(level.Overview));
        Assert.Equal(["Lead widget work"], family.Levels[1].Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_specialty_with_a_description_heading_named_like_its_lists_When_parsed_Then_it_is_one_specialty_with_that_overview()
    {
        var family = Parse(
            "## Specialties",
            "### Widget Design",
            "#### Manager, Widget Design Description",
            "The team draws widgets. Its responsibilities include:",
            "* Lead the widget designers",
            "#### Manager, Widget Design Requirements",
            "* Design experience",
            "### Widget Testing",
            "#### Overview",
            "* Test every widget",
            "#### Manager, Widget Testing Responsibilities",
            "* Plan the tests");

        Assert.Equal(["Widget Design", "Widget Testing"], family.Specialties.Select(r => r.Name));
        var design = family.Specialties[0];
        Assert.Equal(["Lead the widget designers"], design.Overview!.Items.Select(i => i.Text));
        Assert.Equal(["Design experience"], design.Requirements!.Items.Select(i => i.Text));
        Assert.Null(design.Responsibilities);
        var testing = family.Specialties[1];
        Assert.Equal(["Test every widget"], testing.Overview!.Items.Select(i => i.Text));
        Assert.Equal(["Plan the tests"], testing.Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_levels_written_under_a_requirements_heading_When_parsed_Then_their_bullets_are_requirements_not_also_an_overview()
    {
        var family = Parse(
            "## Requirements",
            "### Senior Widget Engineer",
            "* Five years of widgets",
            "### Staff Widget Engineer",
            "* Eight years of widgets");

        Assert.Equal(["Senior Widget Engineer", "Staff Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Five years of widgets"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
        Assert.All(family.Levels, level => Assert.Null(level.Overview));
    }

    [Fact]
    public void Given_a_plain_line_naming_a_list_inside_that_list_or_without_a_list_after_it_When_parsed_Then_it_stays_text()
    {
        var family = Parse(
            "## Levels",
            "### Widget Engineer",
            "#### Performance Indicators",
            "Widget Engineers have the following Performance Indicators",
            "* Widgets shipped",
            "#### Requirements",
            "* Widgets",
            "### Senior Widget Engineer",
            "Senior Widget Engineer Responsibilities",
            "",
            "They are written below.",
            "",
            "* Not a titled list");

        var level = family.Levels[0];
        Assert.Equal(["Widgets shipped"], level.PerformanceIndicators!.Items.Select(i => i.Text));
        Assert.NotNull(level.PerformanceIndicators.Heading);
        Assert.Null(family.Levels[1].Responsibilities);
    }

    [Fact]
    public void Given_an_h1_wrapping_the_page_When_parsed_Then_it_is_looked_through()
    {
        var family = Parse(
            "# Widget Engineering Roles at Example",
            "#### Requirements",
            "* Widgets",
            "## Levels",
            "### Senior Widget Engineer",
            "#### Job Grade");

        Assert.Equal(["Widgets"], family.PageRole!.Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Senior Widget Engineer"], family.Levels.Select(l => l.Name));
    }

    [Fact]
    public void Given_an_h2_naming_roles_in_the_plural_When_parsed_Then_it_is_looked_through()
    {
        var family = Parse(
            "## Widget Engineering Roles at Example",
            "All widget roles share these:",
            "### Requirements",
            "* Widgets",
            "### Responsibilities",
            "* Polish widgets",
            "## Levels",
            "### Senior Widget Engineer",
            "#### Job Grade");

        Assert.Equal(["Widgets"], family.PageRole!.Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Polish widgets"], family.PageRole.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Senior Widget Engineer"], family.Levels.Select(l => l.Name));
    }

    [Fact]
    public void Given_an_h2_naming_one_role_with_its_sections_When_parsed_Then_it_stays_a_level()
    {
        var family = Parse(
            "## Widget Engineer",
            "### Requirements",
            "* Widgets");

        Assert.Equal(["Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.Null(family.PageRole);
    }

    [Fact]
    public void Given_a_page_level_job_grades_heading_over_named_sub_headings_When_parsed_Then_each_is_a_level()
    {
        var family = Parse(
            "### Requirements",
            "* Widgets",
            "## Job Grades",
            "### Senior Widget Engineer",
            "The Senior Widget Engineer is a grade 7.",
            "### Staff Widget Engineer",
            "The Staff Widget Engineer is a grade 8.",
            "## Hiring Process",
            "* A call");

        Assert.Equal(["Senior Widget Engineer", "Staff Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Widgets"], family.PageRole!.Requirements!.Items.Select(i => i.Text));
        Assert.Null(family.PageRole.JobGrade);
        Assert.Equal(11, family.Levels[1].EndLine); // its grade sentence, not the hiring process after it
        Assert.NotNull(family.HiringProcess);
    }

    [Fact]
    public void Given_a_page_level_job_grade_heading_with_its_own_sentence_When_parsed_Then_it_is_the_page_role_grade()
    {
        var family = Parse(
            "## Job Grade",
            "The Widget Engineer is a grade 6.",
            "## Responsibilities",
            "* Polish widgets");

        Assert.Empty(family.Levels);
        Assert.NotNull(family.PageRole!.JobGrade);
    }

    [Fact]
    public void Given_sections_naming_the_next_rank_inside_a_level_When_parsed_Then_they_start_that_level()
    {
        var family = Parse(
            "## Levels",
            "### Senior Widget Engineer - Gears",
            "#### Senior Widget Engineer - Gears Responsibilities",
            "* Polish gears",
            "#### Staff Widget Engineer - Gears Responsibilities",
            "* Extends Senior Widget Engineer - Gears responsibilities plus;",
            "* Design gears",
            "#### Staff Widget Engineer - Gears Requirements",
            "* Gear lore");

        Assert.Equal(["Senior Widget Engineer - Gears", "Staff Widget Engineer - Gears"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Polish gears"], family.Levels[0].Responsibilities!.Items.Select(i => i.Text));
        Assert.Null(family.Levels[0].Requirements);
        Assert.Equal(2, family.Levels[1].Responsibilities!.Items.Count);
        Assert.Equal(["Gear lore"], family.Levels[1].Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_sections_naming_another_role_without_a_rank_difference_When_parsed_Then_they_stay_in_the_level()
    {
        var family = Parse(
            "## Levels",
            "### Senior Widget Engineer",
            "#### Senior Widget Engineer Responsibilities",
            "* Polish",
            "#### Gear Designer Requirements",
            "* Gears");

        Assert.Equal(["Senior Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Gears"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_first_section_naming_another_rank_When_parsed_Then_it_is_a_slip_and_stays_in_the_level()
    {
        var family = Parse(
            "## Levels",
            "### Widget Manager (Intermediate)",
            "#### Widget Manager Responsibilities",
            "* Plan",
            "#### Senior Widget Manager Requirements",
            "* Widgets");

        Assert.Equal(["Widget Manager (Intermediate)"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Widgets"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_bold_and_typo_level_heading_variants_When_parsed_Then_levels_are_found()
    {
        var family = Parse("## **Levels**", "### Widget Lead", "#### Responsibilities", "* Lead");

        Assert.Equal(["Widget Lead"], family.Levels.Select(l => l.Name));
        Assert.Equal("levels", family.Sections[0].Anchor);
    }

    [Fact]
    public void Given_a_levels_heading_with_nothing_under_it_When_parsed_Then_MD001_warns()
    {
        var family = Parse("## Levels", "", "## Hiring Process");

        Assert.Empty(family.Levels);
        var warning = Assert.Single(_diagnostics);
        Assert.Equal("MD001", warning.Code);
        Assert.Equal(5, warning.Location.Line);
    }

    [Fact]
    public void Given_a_levels_heading_over_a_sentence_linking_to_another_page_When_parsed_Then_no_MD001()
    {
        var family = Parse(
            "## Requirements",
            "* Builds widgets",
            "## Levels",
            "Levels of Widget Engineers follow those of our",
            "[Gadget roles](/job-families/gadgets/gadget-engineer/#levels).",
            "## Hiring Process");

        Assert.Empty(family.Levels);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Given_a_levels_heading_over_a_sentence_with_an_in_page_link_When_parsed_Then_MD001_still_warns()
    {
        Parse("## Levels", "See the [requirements](#requirements).", "## Hiring Process");

        Assert.Equal("MD001", Assert.Single(_diagnostics).Code);
    }

    [Fact]
    public void Given_a_levels_heading_over_a_list_of_links_When_parsed_Then_it_is_a_ladder_not_an_error()
    {
        var family = Parse("## Levels", "* [Intermediate](/job-families/widgets/intermediate/)", "* Senior");

        Assert.Empty(family.Levels);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Given_items_with_markup_sub_lists_and_nbsp_When_parsed_Then_item_text_is_plain_and_sub_lists_stay_inside()
    {
        var family = Parse(
            "## Responsibilities",
            "",
            "* Own **the**\u00A0[widget](/w)  roadmap",
            "  continued here",
            "  * nested point",
            "* Second `code`");

        var items = family.PageRole!.Responsibilities!.Items;
        Assert.Equal(2, items.Count);
        Assert.Equal("Own the widget roadmap continued here nested point", items[0].Text);
        Assert.Equal("Second code", items[1].Text);
        Assert.Equal(new SourceLocation("job-families/widgets/widget-engineer.md", 7, 1), items[0].Location);
        Assert.NotNull(items[0].Block);
    }

    [Fact]
    public void Given_responsibilities_split_by_sub_headings_When_parsed_Then_items_of_the_sub_headings_count()
    {
        var family = Parse(
            "## Responsibilities",
            "### Who and Why",
            "* Explain why",
            "### What",
            "* Explain what");

        Assert.Equal(["Explain why", "Explain what"], family.PageRole!.Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_page_with_levels_When_a_line_is_located_Then_the_innermost_role_is_found()
    {
        var family = Parse(
            "## Responsibilities",
            "* Shared",
            "## Levels",
            "### Widget Engineer",
            "#### Job Grade",
            "Grade 6.",
            "### Senior Widget Engineer",
            "#### Job Grade",
            "Grade 7.");

        Assert.Equal("Widget Engineer", RoleLocator.RoleAt(family, 10)!.Name);
        Assert.Equal("Senior Widget Engineer", RoleLocator.RoleAt(family, 13)!.Name);
        Assert.Equal(RoleKind.Page, RoleLocator.RoleAt(family, 6)!.Kind);
    }

    [Fact]
    public void Given_a_page_in_a_folder_layout_When_parsed_Then_identity_comes_from_the_path()
    {
        var family = new JobFamilyParser().Parse(
            "job-families/widgets/widget-engineer/index.html.md.erb", "---\ntitle: W\n---\n", _diagnostics);

        Assert.Equal("widgets/widget-engineer", family.Slug);
        Assert.Equal("widgets", family.Department);
        Assert.Equal("/job-families/widgets/widget-engineer/", family.Url);
        Assert.False(family.IsDepartmentIndex);
    }

    [Fact]
    public void Given_levels_continuing_under_a_hiring_process_heading_When_parsed_Then_they_are_still_levels()
    {
        var family = Parse(
            "## Levels",
            "### Widget Analyst",
            "#### Job Grade",
            "## Hiring Process",
            "* Screening call",
            "### Senior Widget Analyst",
            "#### Job Grade",
            "#### Responsibilities",
            "* Analyse more",
            "### Staff Widget Analyst",
            "### Job Grade",
            "### Requirements",
            "* Deep analysis",
            "### Round 2",
            "Panel interview.");

        Assert.Equal(["Widget Analyst", "Senior Widget Analyst", "Staff Widget Analyst"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Deep analysis"], family.Levels[2].Requirements!.Items.Select(i => i.Text));
        Assert.Equal("Hiring Process", family.HiringProcess!.Title);
        Assert.Null(family.PageRole);
    }

    [Fact]
    public void Given_a_level_whose_responsibilities_heading_is_one_level_too_high_When_parsed_Then_they_belong_to_the_level()
    {
        var family = Parse(
            "## Responsibilities",
            "* Page duty",
            "## Levels",
            "### Senior Widget Writer",
            "#### Job Grade",
            "## Responsibilities",
            "* Senior duty",
            "#### Requirements",
            "* Senior skill");

        var level = Assert.Single(family.Levels);
        Assert.Equal(["Page duty"], family.PageRole!.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Senior duty"], level.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Senior skill"], level.Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_specialty_description_heading_named_like_the_specialty_When_parsed_Then_it_is_not_another_specialty()
    {
        var family = Parse(
            "## Specialties",
            "### Widget Scientist",
            "#### Widget Scientist Description",
            "Text.",
            "#### Widget Scientist Requirements",
            "* Science");

        var specialty = Assert.Single(family.Specialties);
        Assert.Equal(["Science"], specialty.Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_role_heading_followed_by_sections_named_after_it_When_parsed_Then_it_is_a_role()
    {
        var family = Parse(
            "## Widget Manager",
            "### Job Grade",
            "### Requirements",
            "* Managing",
            "#### Specialties",
            "### Widget Payroll",
            "#### Widget Payroll Responsibilities",
            "* Pay widgets",
            "### Gadget Payroll",
            "### Gadget Payroll Responsibilities",
            "* Pay gadgets");

        Assert.Equal(["Widget Manager"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Widget Payroll", "Gadget Payroll"], family.Specialties.Select(s => s.Name));
        Assert.Equal(["Pay gadgets"], family.Specialties[1].Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_graded_levels_and_prose_headings_under_specialties_When_parsed_Then_they_are_not_specialties()
    {
        var family = Parse(
            "## Specialties",
            "### Federal Widget Support",
            "#### Requirements",
            "* Clearance",
            "### What it is like to work here:",
            "Text.",
            "### How you will be measured",
            "Text.",
            "### Senior Widget Support Engineer",
            "#### Job Grade",
            "Grade 7.");

        Assert.Equal(["Federal Widget Support"], family.Specialties.Select(s => s.Name));
        Assert.Equal(["Senior Widget Support Engineer"], family.Levels.Select(l => l.Name));
    }

    [Fact]
    public void Given_a_group_heading_holding_its_own_levels_heading_When_parsed_Then_the_group_is_not_a_role()
    {
        var family = Parse(
            "### Widget Analyst",
            "#### Widget Analyst Levels",
            "#### Widget Analyst (Intermediate)",
            "#### Widget Analyst (Intermediate) Job Grade",
            "#### Widget Analyst (Intermediate) Responsibilities",
            "* Analyse");

        var level = Assert.Single(family.Levels);
        Assert.Equal("Widget Analyst (Intermediate)", level.Name);
        Assert.Equal(["Analyse"], level.Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_section_first_layout_When_parsed_Then_the_sub_headings_naming_levels_are_levels_with_that_section()
    {
        var family = Parse(
            "## Requirements",
            "",
            "### Senior Widget Engineer",
            "",
            "* Ships widgets alone",
            "",
            "### Staff Widget Engineer",
            "",
            "In addition to the requirements for a Senior Widget Engineer:",
            "",
            "* Sets the widget strategy",
            "",
            "### A note on tooling",
            "",
            "Prose, not a level.");

        Assert.Equal(["Senior Widget Engineer", "Staff Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Ships widgets alone"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Sets the widget strategy"], family.Levels[1].Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_rank_prefixed_responsibilities_inside_a_specialty_When_parsed_Then_each_rank_is_a_variant_of_that_specialty()
    {
        var family = Parse(
            "## Specialties",
            "",
            "### Gadget Relations",
            "",
            "#### Requirements",
            "",
            "* Knows gadgets",
            "",
            "#### Responsibilities",
            "",
            "* Talks to gadget analysts",
            "",
            "#### Senior Responsibilities",
            "",
            "* Extends that of the Gadget Relations responsibilities",
            "* Leads the gadget programme",
            "",
            "#### Staff Responsibilities",
            "",
            "* Sets gadget strategy");

        Assert.Equal(["Gadget Relations", "Senior Gadget Relations", "Staff Gadget Relations"], family.Specialties.Select(s => s.Name));
        Assert.Equal(["Talks to gadget analysts"], family.Specialties[0].Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal("Leads the gadget programme", family.Specialties[1].Responsibilities!.Items[1].Text);
        Assert.Equal(["Sets gadget strategy"], family.Specialties[2].Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_level_with_a_prose_only_specialties_note_When_parsed_Then_it_is_still_a_level()
    {
        var family = Parse(
            "## Widget Evangelist",
            "",
            "### Responsibilities",
            "",
            "* Talks about widgets",
            "",
            "### Specialties",
            "",
            "Specialties include Education and Open Source.",
            "",
            "## Senior Widget Evangelist",
            "",
            "### Responsibilities",
            "",
            "* Extends that of the Widget Evangelist",
            "* Leads widget talks");

        Assert.Equal(["Widget Evangelist", "Senior Widget Evangelist"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Talks about widgets"], family.Levels[0].Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_senior_manager_section_under_the_manager_When_parsed_Then_it_starts_its_own_role()
    {
        var family = Parse(
            "## Levels",
            "",
            "### Manager, Widget Operations",
            "",
            "#### Manager, Widget Operations Responsibilities",
            "",
            "* Runs widget operations",
            "",
            "#### Senior Manager, Widget Operations Job Grade",
            "",
            "#### Senior Manager, Widget Operations Responsibilities",
            "",
            "* Extends that of the Manager, Widget Operations responsibilities",
            "* Plans widget operations");

        Assert.Equal(["Manager, Widget Operations", "Senior Manager, Widget Operations"], family.Levels.Select(l => l.Name));
        Assert.Equal("Plans widget operations", family.Levels[1].Responsibilities!.Items[1].Text);
    }

    [Fact]
    public void Given_a_role_written_flat_with_a_generic_job_grade_sibling_When_parsed_Then_its_prefixed_sections_are_its_own()
    {
        var family = Parse(
            "## Widget Engineer",
            "",
            "### Job Grade",
            "",
            "### Responsibilities",
            "",
            "* Builds widgets",
            "",
            "## Manager, Widget Engineering",
            "",
            "## Job Grade",
            "",
            "## Manager, Widget Engineering Responsibilities",
            "",
            "* Leads widget engineers");

        Assert.Equal(["Widget Engineer", "Manager, Widget Engineering"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Leads widget engineers"], family.Levels[1].Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_role_heading_over_the_shared_requirements_When_parsed_Then_it_is_not_a_level_and_they_are_the_pages()
    {
        var family = Parse(
            "## Role",
            "",
            "Widget engineers build widgets.",
            "",
            "### Base Requirements Across All Levels",
            "",
            "- Knows widgets",
            "",
            "## Levels",
            "",
            "### Senior Widget Engineer",
            "",
            "#### Job Grade",
            "",
            "#### Responsibilities",
            "",
            "* Leads widget work");

        Assert.Equal(["Senior Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Knows widgets"], family.PageRole!.Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_the_family_level_with_its_own_grade_under_specialties_When_parsed_Then_it_is_a_level_and_the_others_stay_specialties()
    {
        var family = Parse(
            "## Levels",
            "",
            "### Associate Widget Engineer",
            "",
            "#### Associate Widget Engineer Job Grade",
            "",
            "#### Associate Widget Engineer Responsibilities",
            "",
            "* Assists with widgets",
            "",
            "## Specialties",
            "",
            "### Widget Engineer",
            "",
            "#### Widget Engineer Job Grade",
            "",
            "#### Widget Engineer Responsibilities",
            "",
            "* Builds widgets",
            "",
            "### Widget Engineer (Gears)",
            "",
            "#### Widget Engineer (Gears) Responsibilities",
            "",
            "* Builds gears");

        Assert.Equal(["Associate Widget Engineer", "Widget Engineer"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Widget Engineer (Gears)"], family.Specialties.Select(l => l.Name));
    }

    [Fact]
    public void Given_a_bold_sub_heading_of_the_same_kind_under_a_levels_responsibilities_When_parsed_Then_its_bullets_are_the_levels()
    {
        var family = Parse(
            "## Levels",
            "",
            "### Widget Lead",
            "",
            "#### Widget Lead - Job Grade",
            "",
            "#### Widget Lead - Responsibilities",
            "**Team responsibilities**",
            "* Coach widget engineers",
            "* Plan widget releases",
            "",
            "#### Widget Lead - Requirements",
            "",
            "* Led widget teams",
            "",
            "##### Region Specific Requirements",
            "",
            "* Knows the local widget market");

        var lead = Assert.Single(family.Levels);
        Assert.Equal(["Coach widget engineers", "Plan widget releases"], lead.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Led widget teams", "Knows the local widget market"], lead.Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_headings_left_as_template_placeholders_When_parsed_Then_one_MD005_warning_at_the_first()
    {
        Parse(
            "## Levels",
            "",
            "### {add name of level - e.g. Senior}",
            "",
            "#### {add Level} Job Grade",
            "",
            "#### {add Level} Responsibilities",
            "",
            "* {add a list}");

        var warning = Assert.Single(_diagnostics);
        Assert.Equal("MD005", warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(7, warning.Location.Line);
        Assert.Contains("'{add name of level - e.g. Senior}' is a placeholder of the job-family template (and 2 more headings)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_braces_that_are_not_the_templates_When_parsed_Then_no_MD005()
    {
        Parse("## Widget Engineer {#widget}", "", "### Responsibilities", "", "* Use {curly} braces");

        Assert.DoesNotContain(_diagnostics, d => d.Code == "MD005");
    }

    [Fact]
    public void Given_a_graded_role_holding_the_levels_list_under_it_When_parsed_Then_it_is_a_level_and_so_are_those_under_levels()
    {
        var family = Parse(
            "## Widget Engineer (Intermediate)",
            "",
            "### Job Grade",
            "",
            "### Responsibilities",
            "",
            "* Builds widgets",
            "",
            "### Levels",
            "",
            "#### Associate",
            "",
            "##### Job Grade",
            "",
            "#### Senior",
            "",
            "##### Job Grade",
            "",
            "##### Requirements",
            "",
            "* Led widget builds");

        Assert.Equal(["Widget Engineer (Intermediate)", "Associate", "Senior"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Builds widgets"], family.Levels[0].Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_graded_role_with_its_specialties_nested_under_it_When_parsed_Then_it_is_a_level_and_they_are_specialties()
    {
        var family = Parse(
            "# Widget Design Roles",
            "",
            "## Widget Design Manager",
            "",
            "### Job Grade",
            "",
            "### Responsibilities",
            "",
            "* Leads widget designers",
            "",
            "### Specialties",
            "",
            "#### Gears",
            "",
            "Works on the gear widgets.",
            "",
            "### Requirements",
            "",
            "* Has designed widgets",
            "",
            "## Senior Widget Design Manager",
            "",
            "### Job Grade",
            "",
            "### Responsibilities",
            "",
            "* Leads widget design managers");

        Assert.Equal(["Widget Design Manager", "Senior Widget Design Manager"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Leads widget designers"], family.Levels[0].Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Has designed widgets"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
        Assert.Equal("Gears", Assert.Single(family.Specialties).Name);
    }

    [Fact]
    public void Given_a_graded_heading_over_an_empty_specializations_heading_When_parsed_Then_it_stays_a_group()
    {
        var family = Parse(
            "## Widget Specialist",
            "",
            "### Job Grade",
            "",
            "### Specializations",
            "",
            "### Gears",
            "",
            "* Tunes gears",
            "",
            "### Requirements",
            "",
            "* Knows widgets",
            "",
            "### Senior Widget Specialist",
            "",
            "#### Job Grade");

        Assert.DoesNotContain(family.Levels, l => l.Name == "Widget Specialist");
    }

    [Fact]
    public void Given_specialties_named_with_a_trailing_colon_When_parsed_Then_they_are_specialties_without_it()
    {
        var family = Parse(
            "## Widget Engineer",
            "",
            "### Job Grade",
            "",
            "## Specialties",
            "",
            "### Widget Engineer, Gears:",
            "",
            "* Tunes gears",
            "",
            "### Widget Engineer, Springs:",
            "",
            "* Winds springs",
            "",
            "### What it is like to work here:",
            "",
            "Text.");

        Assert.Equal(["Widget Engineer, Gears", "Widget Engineer, Springs"], family.Specialties.Select(s => s.Name));
    }

    [Fact]
    public void Given_roles_written_as_several_h1_headings_When_parsed_Then_each_is_a_level()
    {
        var family = Parse(
            "# Widget Operations Manager",
            "",
            "### Role",
            "",
            "Runs widget operations.",
            "",
            "### Responsibilities",
            "",
            "* Runs the widget line",
            "",
            "### Requirements",
            "",
            "* Has run lines",
            "",
            "# Senior Widget Operations Analyst",
            "",
            "### Responsibilities",
            "",
            "* Analyses the widget line");

        Assert.Equal(["Widget Operations Manager", "Senior Widget Operations Analyst"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Has run lines"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Analyses the widget line"], family.Levels[1].Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_one_h1_over_the_page_When_parsed_Then_it_is_looked_through()
    {
        var family = Parse(
            "# Widget Engineering Roles",
            "",
            "## Widget Engineer",
            "",
            "### Responsibilities",
            "",
            "* Builds widgets");

        Assert.Equal(["Widget Engineer"], family.Levels.Select(l => l.Name));
    }

    [Fact]
    public void Given_groups_of_levels_with_shared_requirements_When_parsed_Then_the_groups_are_not_levels_and_their_levels_share_them()
    {
        var family = Parse(
            "## Gadgets",
            "",
            "### Gadgets Requirements",
            "",
            "* Knows gadgets",
            "",
            "### Gadget Buyer",
            "",
            "#### Job Grade",
            "",
            "#### Responsibilities",
            "",
            "* Buys gadgets",
            "",
            "### Gadget Analyst",
            "",
            "#### Job Grade",
            "",
            "### Responsibilities",
            "",
            "* Analyses gadgets",
            "",
            "## Leadership",
            "",
            "### Leadership Requirements",
            "",
            "* Has led",
            "",
            "### Gadget Manager",
            "",
            "#### Job Grade",
            "",
            "#### Requirements",
            "",
            "* Has managed gadget buyers");

        Assert.Equal(["Gadget Buyer", "Gadget Analyst", "Gadget Manager"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Knows gadgets"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Knows gadgets"], family.Levels[1].Requirements!.Items.Select(i => i.Text));
        Assert.Equal(["Analyses gadgets"], family.Levels[1].Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Has managed gadget buyers"], family.Levels[2].Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_heading_repeating_the_name_of_the_level_under_it_When_parsed_Then_there_is_one_level_of_that_name()
    {
        var family = Parse(
            "## Levels",
            "",
            "## Gadget Keeper",
            "",
            "### Gadget Keeper",
            "",
            "#### Gadget Keeper Job Grade",
            "",
            "The Gadget Keeper is a grade 6.",
            "",
            "#### Gadget Keeper Responsibilities",
            "",
            "* Keeps gadgets",
            "",
            "## Senior Gadget Keeper",
            "",
            "### Senior Gadget Keeper Job Grade",
            "",
            "The Senior Gadget Keeper is a grade 7.",
            "",
            "#### Senior Gadget Keeper Responsibilities",
            "",
            "* Keeps rare gadgets",
            "",
            "## Gadget Keeping Manager",
            "",
            "### Gadget Keeping Manager",
            "",
            "#### Gadget Keeping Manager Responsibilities",
            "",
            "* Leads the keepers");

        Assert.Equal(["Gadget Keeper", "Senior Gadget Keeper", "Gadget Keeping Manager"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Keeps gadgets"], family.Levels[0].Responsibilities!.Items.Select(i => i.Text));
        Assert.NotNull(family.Levels[0].JobGrade);
        Assert.Equal(["Leads the keepers"], family.Levels[2].Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_heading_over_a_level_of_another_name_When_parsed_Then_the_outer_heading_is_read_as_before()
    {
        // Only a sub-heading repeating the outer title makes the outer heading a wrapper.
        var family = Parse(
            "## Gadget Keeper",
            "",
            "### Responsibilities",
            "",
            "* Keeps gadgets",
            "",
            "### Gadget Keeper Apprentice",
            "",
            "#### Responsibilities",
            "",
            "* Learns to keep gadgets");

        Assert.Equal(["Gadget Keeper", "Gadget Keeper Apprentice"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Keeps gadgets"], family.Levels[0].Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_the_first_of_flat_roles_with_a_job_grades_heading_after_it_When_parsed_Then_it_is_a_level_with_the_sections_under_that_heading()
    {
        var family = Parse(
            "## Widget Clerk",
            "",
            "The Widget Clerk files widgets.",
            "",
            "## Job Grades",
            "",
            "The Widget Clerk is a grade 6.",
            "",
            "### Responsibilities",
            "",
            "* Files widgets",
            "",
            "### Requirements",
            "",
            "* Can file",
            "",
            "## Senior Widget Clerk",
            "",
            "### Job Grade",
            "",
            "The Senior Widget Clerk is a grade 7.",
            "",
            "### Responsibilities",
            "",
            "* Files rare widgets");

        Assert.Equal(["Widget Clerk", "Senior Widget Clerk"], family.Levels.Select(l => l.Name));
        Assert.NotNull(family.Levels[0].JobGrade);
        Assert.Equal(["Files widgets"], family.Levels[0].Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Can file"], family.Levels[0].Requirements!.Items.Select(i => i.Text));
        Assert.Null(family.PageRole);
    }

    [Fact]
    public void Given_a_single_role_page_with_a_heading_then_a_job_grade_When_parsed_Then_it_stays_the_page_role()
    {
        // No role follows: the heading is the page's introduction and the grade is the page's own.
        var family = Parse(
            "## Widget Clerk",
            "",
            "The Widget Clerk files widgets.",
            "",
            "## Job Grade",
            "",
            "The Widget Clerk is a grade 6.",
            "",
            "## Responsibilities",
            "",
            "* Files widgets");

        Assert.Empty(family.Levels);
        Assert.NotNull(family.PageRole!.JobGrade);
        Assert.Equal(["Files widgets"], family.PageRole.Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_an_empty_heading_then_a_job_grades_heading_that_names_no_role_When_parsed_Then_the_grade_heading_stays_the_pages()
    {
        var family = Parse(
            "## Widget Clerk",
            "",
            "## Job Grades",
            "",
            "Read more about our grades in the grade table.",
            "",
            "### Responsibilities",
            "",
            "* Files widgets",
            "",
            "## Senior Widget Clerk",
            "",
            "### Job Grade",
            "",
            "The Senior Widget Clerk is a grade 7.",
            "",
            "### Responsibilities",
            "",
            "* Files rare widgets");

        Assert.Equal(["Senior Widget Clerk"], family.Levels.Select(l => l.Name));
        Assert.NotNull(family.PageRole!.JobGrade);
        Assert.Equal(["Files widgets"], family.PageRole.Responsibilities!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_sections_under_the_familys_name_before_the_levels_heading_When_parsed_Then_they_are_the_pages_and_not_a_level()
    {
        var family = Parse(
            "## Widget Tester",
            "",
            "### Responsibilities",
            "",
            "* Tests widgets",
            "",
            "### Requirements",
            "",
            "* Likes widgets",
            "",
            "## Levels",
            "",
            "### Widget Tester (Intermediate)",
            "",
            "#### Job Grade",
            "",
            "The Widget Tester (Intermediate) is a grade 6.",
            "",
            "#### Responsibilities",
            "",
            "* Shares the same responsibilities outlined above.",
            "",
            "### Senior Widget Tester",
            "",
            "#### Job Grade",
            "",
            "The Senior Widget Tester is a grade 7.");

        Assert.Equal(["Widget Tester (Intermediate)", "Senior Widget Tester"], family.Levels.Select(l => l.Name));
        Assert.Equal(["Tests widgets"], family.PageRole!.Responsibilities!.Items.Select(i => i.Text));
        Assert.Equal(["Likes widgets"], family.PageRole.Requirements!.Items.Select(i => i.Text));
    }

    [Fact]
    public void Given_a_graded_role_before_the_levels_heading_When_parsed_Then_it_stays_a_level()
    {
        var family = Parse(
            "## Widget Tester",
            "",
            "### Job Grade",
            "",
            "The Widget Tester is a grade 6.",
            "",
            "### Responsibilities",
            "",
            "* Tests widgets",
            "",
            "## Levels",
            "",
            "### Senior Widget Tester",
            "",
            "#### Responsibilities",
            "",
            "* Tests rare widgets");

        Assert.Equal(["Widget Tester", "Senior Widget Tester"], family.Levels.Select(l => l.Name));
    }
}
