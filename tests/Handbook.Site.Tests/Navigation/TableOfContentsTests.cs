namespace Handbook.Site.Tests.Navigation;

using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Navigation;
using Handbook.Site.Theming.Views;
using static Handbook.Site.Tests.Support.Families;

public class TableOfContentsTests
{
    private static Section Heading(string title, string anchor, params Section[] children)
    {
        var section = new Section { Kind = SectionKind.Other, Title = title, Anchor = anchor, HeadingLevel = 2, Location = new SourceLocation("x.md", 1, 1) };
        section.Children.AddRange(children);
        return section;
    }

    private static string Outline(IEnumerable<TocEntryView> entries, string indent = "") =>
        string.Concat(entries.Select(e => indent + e.Text + " " + e.Url + "\n" + Outline(e.Children, indent + "  ")));

    [Fact]
    public void Given_a_page_with_levels_under_a_heading_When_the_toc_is_built_Then_it_lists_the_glance_table_the_top_headings_and_each_level_without_its_subsections()
    {
        // Given
        var family = Family("engineering/widget-engineer", "Widget Engineer");
        family.Levels.Add(Level("Widget Engineer", "widget-engineer"));
        family.Levels.Add(Level("Senior Widget Engineer", "senior-widget-engineer"));
        family.Sections.Add(Heading("About the team", "about-the-team"));
        family.Sections.Add(Heading(
            "Levels",
            "levels",
            Heading("Widget Engineer (Intermediate)", "widget-engineer", Heading("Responsibilities", "responsibilities")),
            Heading("Senior Widget Engineer", "senior-widget-engineer", Heading("Requirements", "requirements"))));
        family.Sections.Add(Heading("Career Ladder", "career-ladder"));

        // When
        var toc = TableOfContents.Of(family, withGlance: true);

        // Then: role entries use the role's name, not the heading text.
        Assert.Equal(
            """
            Levels at a glance #glance-title
            About the team #about-the-team
            Levels #levels
              Widget Engineer #widget-engineer
              Senior Widget Engineer #senior-widget-engineer
            Career Ladder #career-ladder

            """.ReplaceLineEndings("\n"),
            Outline(toc));
    }

    [Fact]
    public void Given_roles_that_are_top_level_headings_under_a_bold_pseudo_heading_or_under_no_heading_Then_every_role_is_listed_once()
    {
        var family = Family("sales/widget-seller", "Widget Seller");
        family.Levels.Add(Level("Widget Seller", "widget-seller"));
        family.Specialties.Add(new Role { Kind = RoleKind.Specialty, Name = "Enterprise", Anchor = "enterprise", Location = new SourceLocation("x.md", 1, 1), StartLine = 1, EndLine = 1 });
        family.Specialties.Add(new Role { Kind = RoleKind.Specialty, Name = "Public Sector", Anchor = "public-sector", Location = new SourceLocation("x.md", 1, 1), StartLine = 1, EndLine = 1 });
        family.Sections.Add(Heading("Widget Seller", "widget-seller", Heading("Responsibilities", "responsibilities")));
        family.Sections.Add(Heading("Specialties (bold line)", string.Empty, Heading("Enterprise", "enterprise")));

        var toc = TableOfContents.Of(family, withGlance: false);

        Assert.Equal(
            """
            Widget Seller #widget-seller
            Enterprise #enterprise
            Public Sector #public-sector

            """.ReplaceLineEndings("\n"),
            Outline(toc));
    }

    [Fact]
    public void Given_a_level_whose_responsibilities_heading_is_higher_than_the_level_heading_Then_that_heading_is_left_out_and_the_next_level_is_listed_in_its_place()
    {
        // Given: "## Widget Planner", then "## Responsibilities" (the planner's), holding "### Senior Widget Planner".
        var family = Family("operations/widget-planner", "Widget Planner");
        var planner = Level("Widget Planner", "widget-planner");
        var senior = Level("Senior Widget Planner", "senior-widget-planner");
        family.Levels.Add(planner);
        family.Levels.Add(senior);
        var responsibilities = Heading("Responsibilities", "responsibilities", Heading("Senior Widget Planner", "senior-widget-planner"));
        planner.Sections.Add(responsibilities);
        family.Sections.Add(Heading("Widget Planner", "widget-planner"));
        family.Sections.Add(responsibilities);
        family.Sections.Add(Heading("Hiring Process", "hiring-process"));

        // When
        var toc = TableOfContents.Of(family, withGlance: false);

        // Then
        Assert.Equal(
            """
            Widget Planner #widget-planner
            Senior Widget Planner #senior-widget-planner
            Hiring Process #hiring-process

            """.ReplaceLineEndings("\n"),
            Outline(toc));
    }

    [Fact]
    public void Given_a_page_without_headings_Then_the_toc_is_empty()
    {
        Assert.Empty(TableOfContents.Of(Family("finance/payroll", "Payroll"), withGlance: false));
    }
}
