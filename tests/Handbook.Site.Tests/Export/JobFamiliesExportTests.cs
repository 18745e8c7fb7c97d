namespace Handbook.Site.Tests.Export;

using System.Text.Json;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Export;
using Handbook.Site.Stages;
using Handbook.Site.Tests.Support;
using Markdig;
using static Handbook.Site.Tests.Support.Families;

public class JobFamiliesExportTests
{
    private static JsonElement Export(params Pipeline.Documents.Document[] pages)
    {
        var output = Stages.Run(new WriteJobFamiliesExport(), pages);
        return JsonDocument.Parse(output.Output(JobFamiliesExport.OutputPath).ToOutputBytes()).RootElement;
    }

    [Fact]
    public void The_stage_writes_exactly_the_utf8_bytes_of_the_serialised_text()
    {
        // Given pages with non-ASCII text (kept readable) and characters JSON escapes
        Pipeline.Documents.Document[] pages = [Page(Family("sales/ingenieur", "Ingénieur \"commercial\" <b>", "Vend\tbien.")), Page(Family("finance/tax", "Tax"))];

        // When the stage writes the export as bytes
        var written = Stages.Run(new WriteJobFamiliesExport(), pages).Output(JobFamiliesExport.OutputPath).ToOutputBytes();

        // Then they are the UTF-8 of the text form, trailing newline included
        var text = JobFamiliesExport.Serialize(JobFamiliesExport.Build(Handbook.Site.Catalog.FamilyCatalog.From(pages)));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), written);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    private static List<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();

    [Fact]
    public void Families_are_exported_in_url_order_with_snake_case_fields_and_without_index_pages()
    {
        var root = Export(
            Page(Family("sales/solutions-architect", "Solutions Architect", "Helps.")),
            Page(Family("finance/tax", "Tax")),
            Page(Family("sales", "Sales", isIndex: true)));

        Assert.Equal(["families"], Names(root));
        var families = root.GetProperty("families").EnumerateArray().ToList();
        Assert.Equal(["/job-families/finance/tax/", "/job-families/sales/solutions-architect/"], families.Select(f => f.GetProperty("url").GetString()));
        var sa = families[1];
        Assert.Equal(["title", "description", "department", "url", "source", "levels", "specialties", "shared", "career_ladder"], Names(sa));
        Assert.Equal("Solutions Architect", sa.GetProperty("title").GetString());
        Assert.Equal("Helps.", sa.GetProperty("description").GetString());
        Assert.Equal("sales", sa.GetProperty("department").GetString());
        Assert.Equal("job-families/sales/solutions-architect.md", sa.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, families[0].GetProperty("description").ValueKind);
    }

    [Fact]
    public void A_specialty_written_as_bullets_under_its_heading_exports_them_as_its_overview()
    {
        // Given a page whose specialty lists its work right under its heading (no Responsibilities heading)
        var family = new Handbook.JobFamilies.Parsing.JobFamilyParser().Parse(
            "job-families/widgets/widget-engineer.md",
            "---\ntitle: \"Widget Engineer\"\n---\n## Specialties\n### Gears\n\nGear work.\n\n* Design gears\n* Test gears\n\n#### Gears Requirements\n* Gear experience\n",
            new List<Diagnostic>());

        // When it is exported
        var gears = Export(Page(family)).GetProperty("families")[0].GetProperty("specialties")[0];

        // Then the bullets are its overview, not its responsibilities, and its requirements stay its own
        Assert.Equal("Gears", gears.GetProperty("name").GetString());
        Assert.Equal(["Design gears", "Test gears"], gears.GetProperty("overview").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
        Assert.Equal(0, gears.GetProperty("responsibilities").GetArrayLength());
        Assert.Equal(["Gear experience"], gears.GetProperty("requirements").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
    }

    [Fact]
    public void Requirements_written_once_for_all_levels_are_exported_as_the_familys_shared_lists()
    {
        // Given a page whose requirements stand beside its levels, not inside one (engineering/support-engineer's
        // layout), and a page with levels and no page-level list
        var parser = new Handbook.JobFamilies.Parsing.JobFamilyParser();
        var shared = parser.Parse(
            "job-families/widgets/widget-engineer.md",
            "---\ntitle: \"Widget Engineer\"\n---\n## Widget Engineer\n### Responsibilities\n* Build widgets\n\n"
            + "## Requirements\n### You've got the personality\n* Curious\n\n### You're technical\n* Knows gears\n\n"
            + "## Senior Widget Engineer\n### Responsibilities\n* Lead widget work\n",
            new List<Diagnostic>());
        var without = parser.Parse(
            "job-families/widgets/gear-engineer.md",
            "---\ntitle: \"Gear Engineer\"\n---\n## Levels\n### Gear Engineer\n#### Requirements\n* Gears\n",
            new List<Diagnostic>());

        // When they are exported
        var families = Export(Page(shared), Page(without)).GetProperty("families");

        // Then the widget page's requirements are its shared ones, not a level's, and the gear page has none
        var widget = families[1];
        Assert.Equal("/job-families/widgets/widget-engineer/", widget.GetProperty("url").GetString());
        Assert.Equal(["Curious", "Knows gears"], widget.GetProperty("shared").GetProperty("requirements").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
        Assert.Equal(0, widget.GetProperty("shared").GetProperty("responsibilities").GetArrayLength());
        Assert.All(widget.GetProperty("levels").EnumerateArray(), l => Assert.Equal(0, l.GetProperty("requirements").GetArrayLength()));
        Assert.Equal(JsonValueKind.Null, families[0].GetProperty("shared").ValueKind);
    }

    [Fact]
    public void Lists_written_once_per_group_of_levels_are_not_exported_as_shared_but_a_nested_part_of_one_list_is()
    {
        // Given a page with two groups of levels, each with its own responsibilities (trust-and-safety's layout), and
        // a page whose one requirements list has a sub-heading of its own kind ("### You should apply if:")
        var parser = new Handbook.JobFamilies.Parsing.JobFamilyParser();
        const string Grade = "(/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)";
        var groups = parser.Parse(
            "job-families/widgets/widget-safety.md",
            "---\ntitle: \"Widget Safety\"\n---\n## Analyst, Widget Safety\n### Responsibilities\n* Review reports\n\n### Levels\n\n"
            + "### Widget Safety Analyst\n#### Widget Safety Analyst Job Grade\nThe Widget Safety Analyst is a [grade 6]" + Grade + ".\n\n"
            + "#### Widget Safety Analyst Responsibilities\n* Triage reports\n\n"
            + "## Engineering, Widget Safety\n### Responsibilities\n* Build detection\n\n### Levels\n\n"
            + "### Widget Safety Engineer\n#### Widget Safety Engineer Job Grade\nThe Widget Safety Engineer is a [grade 7]" + Grade + ".\n\n"
            + "#### Widget Safety Engineer Responsibilities\n* Write rules\n",
            new List<Diagnostic>());
        var nested = parser.Parse(
            "job-families/widgets/widget-engineer.md",
            "---\ntitle: \"Widget Engineer\"\n---\n## Widget Engineer\n### Responsibilities\n* Build widgets\n\n"
            + "## Requirements\n### You should apply if:\n\n### You're technical\n* Knows gears\n",
            new List<Diagnostic>());

        // When they are exported
        var families = Export(Page(groups), Page(nested)).GetProperty("families");

        // Then the group page shares nothing, and the nested sub-heading does not split the other page's list
        Assert.Equal("/job-families/widgets/widget-safety/", families[1].GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, families[1].GetProperty("shared").ValueKind);
        Assert.Equal(["Knows gears"], families[0].GetProperty("shared").GetProperty("requirements").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
    }

    [Fact]
    public void Levels_carry_grade_lists_inherited_items_and_extends()
    {
        var family = Family("sales/sa", "SA");
        var junior = Level("Solutions Architect", "solutions-architect", "6", "Intermediate");
        junior.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Run demos", "Write proposals");
        var senior = Level("Senior Solutions Architect", "senior-solutions-architect", "9.5");
        var requirements = Section(SectionKind.Requirements, "Requirements", "Lead workshops");
        requirements.Items.Add(new Item
        {
            Text = "Run demos",
            Location = new SourceLocation("x.md", 1, 1),
            InheritedFrom = new InheritedFrom("/job-families/sales/sa/#solutions-architect", "Solutions Architect", SectionKind.Responsibilities),
        });
        senior.Requirements = requirements;
        senior.Extends.Add(new ExtendsLink("/job-families/sales/sa/#solutions-architect", "Solutions Architect", [SectionKind.Responsibilities, SectionKind.NiceToHaves], new SourceLocation("x.md", 1, 1)));
        family.Levels.Add(junior);
        family.Levels.Add(senior);

        var levels = Export(Page(family)).GetProperty("families")[0].GetProperty("levels");

        var first = levels[0];
        Assert.Equal(["name", "anchor", "grade", "overview", "responsibilities", "requirements", "nice_to_haves", "extends"], Names(first));
        Assert.Equal(0, first.GetProperty("overview").GetArrayLength());
        Assert.Equal("solutions-architect", first.GetProperty("anchor").GetString());
        var grade = first.GetProperty("grade");
        Assert.Equal(["value", "title", "track", "url"], Names(grade));
        Assert.Equal("6", grade.GetProperty("value").GetString());
        Assert.Equal("Intermediate", grade.GetProperty("title").GetString());
        Assert.Equal(["Run demos", "Write proposals"], first.GetProperty("responsibilities").EnumerateArray().Select(i => i.GetProperty("text").GetString()));
        Assert.Equal(["text"], Names(first.GetProperty("responsibilities")[0]));
        Assert.Equal(0, first.GetProperty("requirements").GetArrayLength());

        var second = levels[1];
        Assert.Equal(JsonValueKind.Null, second.GetProperty("grade").GetProperty("title").ValueKind);
        var inherited = second.GetProperty("requirements")[1].GetProperty("inherited_from");
        Assert.Equal("Solutions Architect", inherited.GetProperty("level").GetString());
        Assert.Equal("responsibilities", inherited.GetProperty("section").GetString());
        var extends = second.GetProperty("extends")[0];
        Assert.Equal("Solutions Architect", extends.GetProperty("role").GetString());
        Assert.Equal(["responsibilities", "nice_to_haves"], extends.GetProperty("sections").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Role_without_grade_exports_null_and_a_single_role_page_exports_its_role_as_the_level()
    {
        var family = Family("engineering/development/backend/senior", "Senior Backend Engineer");
        family.PageRole = Level("Senior Backend Engineer", "senior-backend-engineer");

        var levels = Export(Page(family)).GetProperty("families")[0].GetProperty("levels");

        Assert.Equal(1, levels.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, levels[0].GetProperty("grade").ValueKind);
        Assert.Equal(JsonValueKind.Null, Export(Page(family)).GetProperty("families")[0].GetProperty("shared").ValueKind);
    }

    [Fact]
    public void Career_ladder_links_come_from_markdown_links_and_mermaid_click_lines()
    {
        var markdown = string.Join(
            "\n",
            "See the [Senior *Backend* Engineer](/job-families/engineering/backend-engineer/#senior) page and [docs](https://example.com/x).",
            string.Empty,
            "```mermaid",
            "graph LR",
            "  a[Backend Engineer] --> b(Engineering Manager)",
            "  click b \"/job-families/engineering/manager/\"",
            "  %% click a \"/commented-out/\"",
            "```");
        var body = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        var ladder = Section(SectionKind.CareerLadder, "Career Ladder");
        ladder.Blocks.AddRange(body);
        var family = Family("engineering/backend-engineer", "Backend Engineer");
        family.CareerLadder = ladder;

        var links = Export(Page(family)).GetProperty("families")[0].GetProperty("career_ladder").GetProperty("links");

        Assert.Equal(
            [
                ("Senior Backend Engineer", "/job-families/engineering/backend-engineer/#senior"),
                ("docs", "https://example.com/x"),
                ("Engineering Manager", "/job-families/engineering/manager/"),
            ],
            links.EnumerateArray().Select(l => (l.GetProperty("text").GetString(), l.GetProperty("url").GetString())));
    }

    [Fact]
    public void Output_is_indented_with_newlines_and_keeps_non_ascii_readable()
    {
        var output = Stages.Run(new WriteJobFamiliesExport(), Page(Family("sales/x", "Ingénieur")));

        var json = System.Text.Encoding.UTF8.GetString(output.Output(JobFamiliesExport.OutputPath).ToOutputBytes());
        Assert.StartsWith("{\n  \"families\": [\n", json, StringComparison.Ordinal);
        Assert.Contains("Ingénieur", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_joined_from_per_family_parts_is_byte_for_byte_the_whole_serialisation()
    {
        // Given families with levels, grades and lists, and no family at all
        Pipeline.Documents.Document[] pages =
        [
            Page(Family("sales/solutions-architect", "Solutions Architect", "Helps.")),
            Page(Family("finance/tax", "Tax")),
            Page(Family("sales", "Sales", isIndex: true)),
        ];
        var catalog = Catalog.FamilyCatalog.From(pages);

        // When the file is assembled from the parts an incremental build keeps
        var parts = JobFamiliesExport.InFileOrder(catalog.Families, e => e.Family).Select(e => (ReadOnlyMemory<byte>)JobFamiliesExport.FragmentOf(e.Family)).ToList();
        var placed = new ReadOnlyMemory<byte>[parts.Count];
        var file = JobFamiliesExport.Assemble(parts, placed);

        // Then it equals the UTF-8 of the serialisation of the whole export, also when empty
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(JobFamiliesExport.Serialize(JobFamiliesExport.Build(catalog))), file);

        // And each part's place in the file holds exactly that part (what the documents keep instead of the part)
        Assert.All(Enumerable.Range(0, parts.Count), i => Assert.True(placed[i].Span.SequenceEqual(parts[i].Span)));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(JobFamiliesExport.Serialize(new Handbook.Site.Export.Schema.ExportRoot([]))), JobFamiliesExport.Assemble([]));
    }

    [Fact]
    public void A_family_written_straight_from_the_model_is_byte_for_byte_the_serialisation_of_its_export_record()
    {
        // Given families using every field the writer writes: resolved and unresolved grades, no grade, inherited
        // items, extends, specialties, a single-role page, career ladder links, versions, escapes and non-ASCII text
        var family = Family("sales/field-analyst", "Field \"Analyst\" <Ingénieure>", "Counts & weighs – “well”\ttoo 😀");
        family.CareerLadder = Section(SectionKind.CareerLadder, "Career Ladder");
        family.CareerLadder.Blocks.AddRange(Markdown.Parse("The next step is [Senior “Analyst”](/job-families/sales/senior/).").ToList());
        var junior = Level("Junior Field Analyst", "junior-field-analyst", "6", "Intermediate");
        junior.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Visits sites", "Writes \"notes\" – daily");
        junior.NiceToHaves = Section(SectionKind.NiceToHaves, "Nice to haves", "Drives");
        var senior = Level("Senior Field Analyst", "senior-field-analyst", "9.5");
        senior.Requirements = Section(SectionKind.Requirements, "Requirements", "Leads visits");
        senior.Requirements.Items.Add(new Item
        {
            Text = "Visits sites",
            Location = new SourceLocation("x.md", 1, 1),
            InheritedFrom = new InheritedFrom("/job-families/sales/field-analyst/#junior-field-analyst", "Junior Field Analyst", SectionKind.Responsibilities),
        });
        senior.Extends.Add(new ExtendsLink("/job-families/sales/field-analyst/#junior-field-analyst", "Junior Field Analyst", [SectionKind.Responsibilities, SectionKind.PerformanceIndicators], new SourceLocation("x.md", 1, 1)));
        family.Levels.AddRange([junior, senior, Level("Principal", "principal")]);
        family.Specialties.Add(Level("Remote sites", "remote-sites"));
        family.PageRole = Level("Field Analyst", string.Empty);
        family.PageRole.Requirements = Section(SectionKind.Requirements, "Requirements", "Holds a licence");
        var single = Family("sales/lone", "Lone");
        single.PageRole = Level("Lone Role", "lone-role", "7", "Senior");
        var empty = Family("finance/empty", "Empty");
        var versions = new Handbook.Site.Versions.PublishedVersions("/job-families/sales/field-analyst/history/", [
            new Handbook.Site.Versions.PublishedVersion("2024-01-02-abc1234", new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)), "abc1234def", "Fix \"typo\" 😀", "/job-families/sales/field-analyst/versions/2024-01-02-abc1234/"),
        ]);
        Pipeline.Documents.Document[] pages =
        [
            Page(family).With(Handbook.Site.Versions.VersionKeys.Published, versions),
            Page(single),
            Page(empty).With(Handbook.Site.Versions.VersionKeys.Published, versions with { Versions = [] }),
        ];

        // When the file is joined from the parts written straight from the model
        var catalog = Catalog.FamilyCatalog.From(pages);
        var parts = JobFamiliesExport.InFileOrder(catalog.Families, e => e.Family)
            .Select(e => (ReadOnlyMemory<byte>)JobFamiliesExport.FragmentOf(e.Family, e.Versions))
            .ToList();

        // Then it is the serialisation of the export records
        var whole = JobFamiliesExport.Serialize(JobFamiliesExport.Build(catalog));
        Assert.Equal(whole, System.Text.Encoding.UTF8.GetString(JobFamiliesExport.Assemble(parts)));
        Assert.Contains("\"versions\": []", whole, StringComparison.Ordinal);
        Assert.Contains("\"shared\": {", whole, StringComparison.Ordinal);
        Assert.Contains("\"shared\": null", whole, StringComparison.Ordinal);
        Assert.Contains("\"inherited_from\"", whole, StringComparison.Ordinal);
        Assert.Contains("\"url\": \"/job-families/sales/senior/\"", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void The_staged_file_written_a_batch_at_a_time_from_reused_buffers_is_byte_for_byte_the_whole_serialisation()
    {
        // Given more families than one batch holds (so each slot's buffer is reused), of very different sizes and
        // in an order that is not the file's, and a staging to write the file into
        var pages = new List<Pipeline.Documents.Document>();
        for (var i = 0; i < 150; i++)
        {
            var family = Family($"dept-{i % 7}/family-{(i * 37) % 150:000}", $"Family {i} \u00e9\u65e5", string.Concat(Enumerable.Repeat("Long description. ", (i * 13) % 40)));
            var level = Level($"Level {i}", $"level-{i}", grade: (i % 3 == 0) ? "7" : null, gradeTitle: (i % 3 == 0) ? "Senior" : null);
            level.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", [.. Enumerable.Range(0, (i * 7) % 25).Select(k => $"Bullet {k} of family {i}")]);
            family.Levels.Add(level);
            pages.Add(Page(family));
        }

        using var folder = new TempFolder();
        var writer = new Pipeline.Output.OutputWriter(folder["out"]);
        using var staging = writer.BeginStaging();

        // When the stage stages the file and, for the oracle, the whole export is serialised at once
        var output = Stages.Run(new WriteJobFamiliesExport(staging), [.. pages]);
        var file = output.Output(JobFamiliesExport.OutputPath);
        var whole = System.Text.Encoding.UTF8.GetBytes(JobFamiliesExport.Serialize(JobFamiliesExport.Build(Catalog.FamilyCatalog.From(pages))));

        // Then the staged file holds exactly the whole serialisation
        Assert.NotNull(file.Staged);
        Assert.Equal(whole, file.ToOutputBytes());
    }
}
