namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// A split family's level pages (one role per page, named by the page title) extending each other by name. The name
/// of the level below fits the page's own title too (a rank word may be left out), and the page's general sections
/// are its own role's sections: the statement resolved to its own page, silently, and inherited nothing.
/// </summary>
public sealed class LevelPageExtendsTests
{
    private static (string, string) Page(string file, string title, int weight, string body) =>
        ($"job-families/workshop/sprocket-maker/{file}", $"---\ntitle: \"{title}\"\nweight: {weight}\n---\n\n{body}");

    private static (string, string) FamilyPage() =>
        ("job-families/workshop/sprocket-maker/_index.md", "---\ntitle: \"Sprocket Maker\"\n---\n\nSprocket makers make sprockets.\n");

    [Theory]
    [InlineData("Sprocket Maker: Gears", "Senior Sprocket Maker: Gears")]
    [InlineData("Sprocket Maker (Gears)", "Senior Sprocket Maker (Gears)")]
    [InlineData("Gear Sprocket Maker", "Senior Gear Sprocket Maker")]
    public void Given_a_level_page_extending_the_level_below_by_its_title_When_resolved_Then_the_other_page_not_itself(string below, string senior)
    {
        var f = ExtendsFixture.Run(
            FamilyPage(),
            Page("intermediate.md", below, 20, "### Responsibilities\n\n- Cut the gear teeth\n- Oil the gears\n"),
            Page("senior.md", senior, 30, $"### Responsibilities\n\n- Extends the {below} responsibilities\n- Plan the gear runs\n"));

        Assert.Empty(f.Diagnostics);
        var role = f.Role(senior);
        var link = Assert.Single(role.Extends);
        Assert.Equal(("/job-families/workshop/sprocket-maker/intermediate/", below), (link.Url, link.Role));
        Assert.Equal(
            [$"Extends the {below} responsibilities", $"[{below}] Cut the gear teeth", $"[{below}] Oil the gears", "Plan the gear runs"],
            f.ItemTexts(senior, SectionKind.Responsibilities));
    }

    private static (string, string) CombinedPageElsewhere() =>
        ("job-families/workshop/sprocket-roles.md", "---\ntitle: \"Sprocket Roles\"\n---\n\n## Levels\n\n### Sprocket Maker: Gears\n\n#### Responsibilities\n\n- Cut old gear teeth\n\n### Senior Sprocket Maker: Gears\n\n#### Responsibilities\n\n- Plan old gear runs\n");

    [Fact]
    public void Given_the_level_below_also_on_a_combined_page_in_another_folder_When_resolved_Then_the_level_page_beside_it()
    {
        var f = ExtendsFixture.Run(
            FamilyPage(),
            CombinedPageElsewhere(),
            Page("intermediate.md", "Sprocket Maker: Gears", 20, "### Responsibilities\n\n- Cut the gear teeth\n"),
            Page("senior.md", "Senior Sprocket Maker: Gears", 30, "### Responsibilities\n\n- Extends the Sprocket Maker: Gears responsibilities\n- Plan the gear runs\n"));

        Assert.Empty(f.Diagnostics);
        var link = Assert.Single(f.Families.Single(x => x.Url.EndsWith("/senior/", StringComparison.Ordinal)).PageRole!.Extends);
        Assert.Equal("/job-families/workshop/sprocket-maker/intermediate/", link.Url);
    }

    [Fact]
    public void Given_a_level_page_naming_its_own_title_word_for_word_When_another_page_has_that_name_Then_still_EXTENDS002()
    {
        // A statement copied from the level below into the page of that very level: a self-reference to report, not
        // a reason to inherit from the same name on another page.
        var f = ExtendsFixture.Run(
            FamilyPage(),
            CombinedPageElsewhere(),
            Page("senior.md", "Senior Sprocket Maker: Gears", 30, "### Responsibilities\n\n- Extends the Senior Sprocket Maker: Gears responsibilities\n- Plan the gear runs\n"));

        var d = Assert.Single(f.Diagnostics);
        Assert.Equal("EXTENDS002", d.Code);
    }

    [Fact]
    public void Given_a_level_page_naming_a_sibling_level_with_a_typo_When_resolved_Then_the_sibling_as_on_one_page()
    {
        var f = ExtendsFixture.Run(
            FamilyPage(),
            Page("manager.md", "Manager, Sprocket Makers", 50, "### Responsibilities\n\n- Hire sprocket makers\n"),
            Page("senior-manager.md", "Senior Manager, Sprocket Makers", 60, "### Responsibilities\n\n- Extends that of the Manager, Sprocket Maekrs responsibilities\n- Plan the workshop\n"));

        Assert.Empty(f.Diagnostics);
        Assert.Equal("/job-families/workshop/sprocket-maker/manager/", Assert.Single(f.Role("Senior Manager, Sprocket Makers").Extends).Url);
    }

    [Fact]
    public void Given_a_level_page_naming_its_own_title_When_no_other_page_has_it_Then_EXTENDS002_as_before()
    {
        var f = ExtendsFixture.Run(
            FamilyPage(),
            Page("senior.md", "Senior Sprocket Maker: Gears", 30, "### Responsibilities\n\n- Extends the Senior Sprocket Maker: Gears responsibilities\n- Plan the gear runs\n"));

        var d = Assert.Single(f.Diagnostics);
        Assert.Equal("EXTENDS002", d.Code);
        Assert.Empty(f.Role("Senior Sprocket Maker: Gears").Extends);
    }
}
