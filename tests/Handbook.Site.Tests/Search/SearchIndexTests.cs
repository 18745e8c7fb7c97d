namespace Handbook.Site.Tests.Search;

using System.Text.Json;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Search;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using static Handbook.Site.Tests.Support.Families;

public class SearchIndexTests
{
    private static JsonElement Index(params Pipeline.Documents.Document[] pages)
    {
        var output = Stages.Run(new WriteSearchIndex(), pages);
        return JsonDocument.Parse(output.Output(SearchIndex.OutputPath).ToOutputBytes()).RootElement;
    }

    private static string[] TextsOf(JsonElement root, JsonElement role)
    {
        var texts = root.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray();
        return role.GetProperty("items").EnumerateArray().Select(i => texts[i.GetInt32()]).ToArray();
    }

    private static Item Inherited(string text, string from) =>
        new() { Text = text, Location = new SourceLocation("x.md", 1, 1), InheritedFrom = new InheritedFrom("/job-families/sales/sa/#" + from, from, SectionKind.Responsibilities) };

    [Fact]
    public void Given_families_and_an_index_page_When_indexed_Then_each_family_is_listed_once_by_url_with_its_department_title()
    {
        var root = Index(
            Page(Family("sales/solutions-architect", "Solutions Architect", "Helps customers.")),
            Page(Family("finance/tax", "Tax")),
            Page(Family("sales", "Sales & Partners", isIndex: true)));

        Assert.Equal(SearchIndex.Version, root.GetProperty("version").GetInt32());
        var families = root.GetProperty("families").EnumerateArray().ToList();
        Assert.Equal(["/job-families/finance/tax/", "/job-families/sales/solutions-architect/"], families.Select(f => f.GetProperty("url").GetString()));
        Assert.Equal("Sales & Partners", families[1].GetProperty("department").GetString());
        Assert.Equal("Finance", families[0].GetProperty("department").GetString());
        Assert.Equal("Helps customers.", families[1].GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, families[0].GetProperty("description").ValueKind);
    }

    [Fact]
    public void Given_levels_with_grades_When_indexed_Then_each_role_carries_its_grade_id_and_title_so_grade_queries_find_it()
    {
        var family = Family("sales/sa", "SA");
        family.Levels.Add(Level("Solutions Architect", "solutions-architect", "8", "Manager"));
        family.Levels.Add(Level("Senior Solutions Architect", "senior-solutions-architect", "9.5"));
        family.Specialties.Add(Level("Public Sector", "public-sector"));

        var roles = Index(Page(family)).GetProperty("families")[0].GetProperty("roles").EnumerateArray().ToList();

        Assert.Equal(["Solutions Architect", "Senior Solutions Architect", "Public Sector"], roles.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("8", roles[0].GetProperty("grade").GetString());
        Assert.Equal("Manager", roles[0].GetProperty("grade_title").GetString());
        Assert.Equal("9.5", roles[1].GetProperty("grade").GetString());
        Assert.False(roles[1].TryGetProperty("grade_title", out _), "an unresolved grade has no title");
        Assert.False(roles[2].TryGetProperty("grade", out _), "an ungraded role has no grade field");
        Assert.Equal("senior-solutions-architect", roles[1].GetProperty("anchor").GetString());
    }

    [Fact]
    public void Given_a_level_that_inherits_bullets_When_indexed_Then_the_inherited_bullets_count_for_it_and_each_text_is_stored_once()
    {
        var family = Family("sales/sa", "SA");
        var junior = Level("Solutions Architect", "solutions-architect", "6");
        junior.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Run product demos", "Write proposals");
        var senior = Level("Senior Solutions Architect", "senior-solutions-architect", "7");
        senior.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Coach the team");
        senior.Responsibilities.Items.Insert(0, Inherited("Run product demos", "solutions-architect"));
        senior.Responsibilities.Items.Insert(1, Inherited("Write proposals", "solutions-architect"));
        senior.Requirements = Section(SectionKind.Requirements, "Requirements", "Five years in presales");
        family.Levels.Add(junior);
        family.Levels.Add(senior);

        var root = Index(Page(family));
        var roles = root.GetProperty("families")[0].GetProperty("roles").EnumerateArray().ToList();

        Assert.Equal(["Run product demos", "Write proposals", "Coach the team", "Five years in presales"], TextsOf(root, roles[1]));
        Assert.Equal(4, root.GetProperty("texts").GetArrayLength());
    }

    [Fact]
    public void Given_a_single_role_page_When_indexed_Then_its_page_role_is_indexed_with_an_empty_anchor()
    {
        var family = Family("finance/cfo", "Chief Financial Officer");
        var role = Level("Chief Financial Officer", "", "14", "Executive");
        family.PageRole = new Role { Kind = RoleKind.Page, Name = role.Name, Anchor = "", Location = role.Location, StartLine = 1, EndLine = 1, Grade = role.Grade };
        family.PageRole.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Own the budget");

        var root = Index(Page(family));
        var only = root.GetProperty("families")[0].GetProperty("roles")[0];

        Assert.Equal("page", only.GetProperty("kind").GetString());
        Assert.Equal("", only.GetProperty("anchor").GetString());
        Assert.Equal(["Own the budget"], TextsOf(root, only));
    }

    [Fact]
    public void The_index_is_compact_json_on_one_line_and_keeps_non_ascii_letters_readable()
    {
        var family = Family("sales/ingenieur", "Ingénieur commercial");
        var level = Level("Ingénieur", "ingenieur", "6");
        level.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Présenter le produit");
        family.Levels.Add(level);

        var bytes = Stages.Run(new WriteSearchIndex(), Page(family)).Output(SearchIndex.OutputPath).ToOutputBytes();
        var json = System.Text.Encoding.UTF8.GetString(bytes);

        // The written bytes are exactly the UTF-8 of the serialised text
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(SearchIndex.Serialize(SearchIndex.Build(Catalog.FamilyCatalog.From([Page(family)])))), bytes);
        Assert.Equal(1, json.Count(c => c == '\n'));
        Assert.EndsWith("\n", json, StringComparison.Ordinal);
        Assert.Contains("Présenter le produit", json, StringComparison.Ordinal);
        Assert.DoesNotContain(": ", json, StringComparison.Ordinal);
    }
}
