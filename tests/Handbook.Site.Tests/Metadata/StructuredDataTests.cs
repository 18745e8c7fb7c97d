namespace Handbook.Site.Tests.Metadata;

using System.Text.Json;
using Handbook.JobFamilies.Model;
using Handbook.Site.Metadata;
using Handbook.Site.Theming.Views;
using static Handbook.Site.Tests.Support.Families;

public class StructuredDataTests
{
    private static readonly IReadOnlyList<LinkView> Trail =
    [
        new("Job families", "/job-families/"), new("Finance", "/job-families/finance/"), new("Payroll Specialist", null),
    ];

    private static JsonElement Graph(string json, string type) =>
        JsonDocument.Parse(json).RootElement.GetProperty("@graph").EnumerateArray().Single(e => e.GetProperty("@type").GetString() == type);

    private static string[] Strings(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void Given_a_single_role_family_When_its_json_ld_is_built_Then_it_is_an_Occupation_with_the_page_sections_and_a_breadcrumb_list()
    {
        // Given
        var family = Family("finance/payroll", "Payroll Specialist", "Pays everyone on time.");
        var role = Level("Payroll Specialist", string.Empty);
        role.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Run the monthly payroll", "Answer pay questions", "Run the monthly payroll");
        role.Requirements = Section(SectionKind.Requirements, "Requirements", "Three years of payroll experience");
        family.PageRole = role;

        // When
        var json = StructuredData.ForFamily(family, "Finance", Trail, "https://hb.example/job-families/finance/payroll/", "https://hb.example");

        // Then
        Assert.Equal("https://schema.org", JsonDocument.Parse(json).RootElement.GetProperty("@context").GetString());
        var occupation = Graph(json, "Occupation");
        Assert.Equal("Payroll Specialist", occupation.GetProperty("name").GetString());
        Assert.Equal("Pays everyone on time.", occupation.GetProperty("description").GetString());
        Assert.Equal("Finance", occupation.GetProperty("occupationalCategory").GetString());
        Assert.Equal("https://hb.example/job-families/finance/payroll/", occupation.GetProperty("url").GetString());
        Assert.Equal(["Run the monthly payroll", "Answer pay questions"], Strings(occupation, "responsibilities"));
        Assert.Equal(["Three years of payroll experience"], Strings(occupation, "skills"));

        var crumbs = Graph(json, "BreadcrumbList").GetProperty("itemListElement").EnumerateArray()
            .Select(e => (e.GetProperty("position").GetInt32(), e.GetProperty("name").GetString(), e.GetProperty("item").GetString()))
            .ToList();
        Assert.Equal(
            [
                (1, "Job families", "https://hb.example/job-families/"),
                (2, "Finance", "https://hb.example/job-families/finance/"),
                (3, "Payroll Specialist", "https://hb.example/job-families/finance/payroll/"),
            ],
            crumbs);
    }

    [Fact]
    public void Given_a_family_with_levels_and_no_general_sections_Then_the_first_level_with_items_supplies_them_and_a_missing_description_is_left_out()
    {
        var family = Family("engineering/widget-engineer", "Widget Engineer");
        var junior = Level("Junior Widget Engineer", "junior-widget-engineer");
        var senior = Level("Senior Widget Engineer", "senior-widget-engineer");
        junior.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Fix small widgets");
        senior.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Design large widgets");
        family.Levels.Add(junior);
        family.Levels.Add(senior);

        var occupation = Graph(StructuredData.ForFamily(family, "Engineering", Trail, "/job-families/engineering/widget-engineer/", null), "Occupation");

        Assert.Equal(["Fix small widgets"], Strings(occupation, "responsibilities"));
        Assert.False(occupation.TryGetProperty("skills", out _));
        Assert.False(occupation.TryGetProperty("description", out _));
    }

    [Fact]
    public void Given_text_that_closes_a_script_element_When_serialised_Then_no_markup_character_appears_raw_and_the_value_reads_back_unchanged()
    {
        const string Title = "Chief </script><script>alert(1)</script> & <!-- Officer's";
        var family = Family("executive/chief", Title, "Leads \"everything\" </SCRIPT>");

        var json = StructuredData.ForFamily(family, "Executive <b>", Trail, "/job-families/executive/chief/", null);

        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        var occupation = Graph(json, "Occupation");
        Assert.Equal(Title, occupation.GetProperty("name").GetString());
        Assert.Equal("Leads \"everything\" </SCRIPT>", occupation.GetProperty("description").GetString());
        Assert.Equal("Executive <b>", occupation.GetProperty("occupationalCategory").GetString());
    }

    [Fact]
    public void Given_a_page_with_a_one_crumb_trail_Then_it_has_no_json_ld_and_non_ascii_letters_stay_readable()
    {
        Assert.Null(StructuredData.ForPage([new LinkView("Job families", null)], "/job-families/", null));

        var json = StructuredData.ForPage([new LinkView("Job families", "/job-families/"), new LinkView("Ingénieur commercial", null)], "/x/", null);

        Assert.Contains("Ingénieur commercial", json, StringComparison.Ordinal);
    }
}
