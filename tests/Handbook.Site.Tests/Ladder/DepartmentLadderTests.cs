namespace Handbook.Site.Tests.Ladder;

using Handbook.JobFamilies.Model;
using Handbook.Site.Catalog;
using Handbook.Site.Ladder;
using static Handbook.Site.Tests.Support.Families;

public class DepartmentLadderTests
{
    private static JobFamily WithLevels(string slug, string title, params (string Name, string? Grade)[] levels)
    {
        var family = Family(slug, title);
        foreach (var (name, grade) in levels)
        {
            family.Levels.Add(Level(name, name.ToLowerInvariant().Replace(' ', '-'), grade));
        }

        return family;
    }

    private static DepartmentLadder LadderOf(params JobFamily[] families)
    {
        var catalog = FamilyCatalog.From(families.Select(f => Page(f)));
        return DepartmentLadder.Of(catalog.Departments.Single());
    }

    [Fact]
    public void Given_families_When_laddered_Then_they_go_from_the_lowest_entry_grade_up_and_ungraded_ones_come_last()
    {
        var ladder = LadderOf(
            WithLevels("eng/manager", "Engineering Manager", ("Manager", "8"), ("Director", "10")),
            WithLevels("eng/fellow", "Fellow"),
            WithLevels("eng/backend", "Backend Engineer", ("Junior", "5"), ("Senior", "7")),
            WithLevels("eng/support", "Support Engineer", ("Support", "5"), ("Senior Support", "6")));

        Assert.Equal(["Support Engineer", "Backend Engineer", "Engineering Manager", "Fellow"], ladder.Families.Select(f => f.Entry.Family.Title));
        Assert.Equal(5m, ladder.Families[0].LowestGrade);
        Assert.Equal(6m, ladder.Families[0].HighestGrade);
        Assert.Null(ladder.Families[3].LowestGrade);
    }

    [Fact]
    public void Given_levels_written_out_of_grade_order_When_laddered_Then_they_are_ordered_by_grade_numerically_with_ungraded_levels_last()
    {
        var ladder = LadderOf(WithLevels("pm/pmm", "Product Marketing", ("Group Manager", "9.5"), ("Lead", null), ("Senior", "10"), ("Manager", "9"), ("Associate", "7")));

        Assert.Equal(["Associate", "Manager", "Group Manager", "Senior", "Lead"], ladder.Families[0].Levels.Select(l => l.Name));
    }

    [Fact]
    public void Given_a_single_role_page_When_laddered_Then_its_own_role_is_its_level()
    {
        var cfo = Family("finance/cfo", "Chief Financial Officer");
        var role = Level("Chief Financial Officer", "", "14");
        cfo.PageRole = new Role { Kind = RoleKind.Page, Name = role.Name, Anchor = "", Location = role.Location, StartLine = 1, EndLine = 1, Grade = role.Grade };

        var ladder = LadderOf(cfo, WithLevels("finance/analyst", "Analyst", ("Analyst", "6")));

        Assert.Equal(["Analyst", "Chief Financial Officer"], ladder.Families.Select(f => f.Entry.Family.Title));
        Assert.Equal(["Chief Financial Officer"], ladder.Families[1].Levels.Select(l => l.Name));
    }

    [Fact]
    public void Given_specialties_When_laddered_Then_they_are_ordered_by_grade_but_do_not_widen_the_familys_grade_range()
    {
        var family = WithLevels("sec/analyst", "Security Analyst", ("Analyst", "6"), ("Senior Analyst", "7"));
        family.Specialties.Add(Level("Forensics", "forensics", "8"));
        family.Specialties.Add(Level("Threat Intelligence", "threat-intelligence", "7"));

        var entry = LadderOf(family).Families.Single();

        Assert.Equal(["Threat Intelligence", "Forensics"], entry.Specialties.Select(s => s.Name));
        Assert.Equal(7m, entry.HighestGrade);
    }

    [Fact]
    public void Given_families_with_equal_grade_ranges_When_laddered_Then_title_then_slug_break_the_tie_case_insensitively()
    {
        var ladder = LadderOf(
            WithLevels("eng/b-two", "beta", ("Senior", "7"), ("Staff", "8")),
            WithLevels("eng/a-one", "Beta", ("Senior", "7"), ("Staff", "8")),
            WithLevels("eng/alpha", "Alpha", ("Senior", "7"), ("Staff", "8")),
            WithLevels("eng/wide", "Aardvark", ("Senior", "7"), ("Principal", "9")),
            WithLevels("eng/none-b", "Zeta"),
            WithLevels("eng/none-a", "Eta"));

        Assert.Equal(["eng/alpha", "eng/a-one", "eng/b-two", "eng/wide", "eng/none-a", "eng/none-b"], ladder.Families.Select(f => f.Entry.Family.Slug));
    }

    [Fact]
    public void Given_levels_with_equal_grades_and_several_ungraded_ones_When_laddered_Then_equal_and_ungraded_levels_keep_their_page_order()
    {
        var ladder = LadderOf(WithLevels("pm/pm", "Product", ("Lead", null), ("Senior", "9.50"), ("Principal", "10"), ("Staff", "9.5"), ("Fellow", "n/a"), ("Manager", "9.5")));

        Assert.Equal(["Senior", "Staff", "Manager", "Principal", "Lead", "Fellow"], ladder.Families[0].Levels.Select(l => l.Name));
    }
}
