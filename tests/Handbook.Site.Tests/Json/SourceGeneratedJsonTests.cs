namespace Handbook.Site.Tests.Json;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Handbook.JobFamilies;
using Handbook.JobFamilies.Grades;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Documents;
using Handbook.Site.Building;
using Handbook.Site.Catalog;
using Handbook.Site.Export;
using Handbook.Site.Export.Schema;
using Handbook.Site.Search;
using Handbook.Site.Search.Schema;
using Handbook.Site.Tests.Corpus;
using Handbook.Site.Tests.Support;
using Handbook.Testing;
using Xunit.Abstractions;

/// <summary>
/// <c>api/job-families.json</c>, <c>api/job-grades.json</c> and <c>/search-index.json</c> are serialised with
/// source-generated metadata (<see cref="ExportJsonContext"/>, <see cref="SearchJsonContext"/>) instead of the
/// reflection resolver, which emitted a getter per property for the JIT in every build. The oracle is the slow path:
/// the options exactly as they were before, with System.Text.Json's reflection resolver. Same bytes required.
/// </summary>
public class SourceGeneratedJsonTests(ITestOutputHelper output)
{
    private static readonly string SampleInput = Path.Combine(SharedCorpus.RepositoryRoot, "input");

    // The options of api/*.json before source generation (ExportJson.Options), resolved by reflection.
    private static readonly JsonSerializerOptions ExportOracle = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    // The options of search-index.json before source generation, resolved by reflection.
    private static readonly JsonSerializerOptions SearchOracle = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    [Fact]
    public void The_api_and_search_options_resolve_types_only_through_the_generated_contexts()
    {
        // A type missing from a context must fail loudly (and be added), never fall back to reflection silently.
        Assert.Same(ExportJsonContext.Default, ExportJson.Options.TypeInfoResolver);
        Assert.Throws<NotSupportedException>(() => ExportJson.Serialize(new Uri("https://example.com/")));
    }

    [Fact]
    public void Given_every_field_filled_and_left_out_When_serialised_Then_the_bytes_are_the_reflection_resolvers()
    {
        // Given an export using every schema type: nulls, versions, inherited items, enums, escapes and non-ASCII text
        var inherited = new InheritedFromExport("/job-families/sales/analyst/#junior", "Junior", SectionKind.NiceToHaves);
        var role = new RoleExport(
            "Senior \"Lead\" <Ingénieure>",
            "senior-lead",
            new GradeExport("7", "Senior", null, "/job-grades/#grade-7"),
            [new ItemExport("Overview", null)],
            [new ItemExport("Writes\ttests – “well”", null), new ItemExport("Inherited", inherited)],
            [],
            [new ItemExport("Requirement", null)],
            [new ExtendsExport("/job-families/sales/analyst/", "Junior", [SectionKind.Responsibilities, SectionKind.PerformanceIndicators])]);
        var ungraded = role with { Grade = null, Extends = [] };
        var withVersions = new FamilyExport("Analyst", null, "sales", "/job-families/sales/analyst/", "job-families/sales/analyst.md", [role, ungraded], [ungraded], new SharedExport([new ItemExport("Shared", null)], [], []), new CareerLadderExport([new LinkExport("Ladder", "/ladder/")]))
        {
            Versions = [new VersionExport("2024-01-02-abc1234", "2024-01-02", "abc1234def", "Fix \"typo\" 😀", "/job-families/sales/analyst/versions/2024-01-02-abc1234/")],
        };
        var withoutVersions = withVersions with { Versions = null, Description = "Counts <things>.", Levels = [], Specialties = [] };
        var root = new ExportRoot([withVersions, withoutVersions]);

        // When / Then
        AssertSameExport(root);
        Assert.Contains("\"performance_indicators\"", ExportJson.Serialize(root), StringComparison.Ordinal);
        Assert.Contains("\"versions\"", ExportJson.Serialize(root), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_search_roles_with_and_without_grades_When_serialised_Then_the_bytes_are_the_reflection_resolvers()
    {
        var graded = new SearchRole("Senior <Analyst>", "senior", RoleKind.Level, "7", "Senior “Seven”", [0, 2, 1]);
        var root = new SearchIndexRoot(SearchIndex.Version, ["one", "two \"2\"", "drei – ü"], [
            new SearchFamily("Analyst", "/job-families/sales/analyst/", "Sales", null, [graded, graded with { Kind = RoleKind.Specialty, Grade = null, GradeTitle = null, Items = [] }]),
            new SearchFamily("Empty", "/job-families/sales/empty/", "Sales", "Nothing yet.", []),
        ]);

        AssertSameSearchIndex(root);
        Assert.Contains("\"kind\":\"specialty\"", SearchIndex.Serialize(root), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_sample_site_When_its_export_grades_and_search_index_are_serialised_Then_the_bytes_are_the_reflection_resolvers()
    {
        var documents = await DocumentsOfAsync(SampleInput);

        var counts = AssertSameJson(documents);

        Assert.True(counts.Families > 0 && counts.Grades > 0, "the sample has families and grade data");
    }

    [CorpusFact]
    public async Task Given_the_real_corpus_When_its_export_grades_and_search_index_are_serialised_Then_the_bytes_are_the_reflection_resolvers()
    {
        using var folder = new TempFolder();
        CorpusBuildTests.LayOutCorpus(folder);
        CorpusBuildTests.ImportGrades(folder);
        var documents = await DocumentsOfAsync(folder["input"]);

        var counts = AssertSameJson(documents);

        output.WriteLine($"{counts.Families} families, {counts.Grades} grades compared");
        Assert.True(counts.Families >= 160, "the 171 real pages less their department index pages");
    }

    private static (int Families, int Grades) AssertSameJson(IReadOnlyList<Document> documents)
    {
        var catalog = FamilyCatalog.From(documents);
        var export = JobFamiliesExport.Build(catalog);
        AssertSameExport(export);

        // The file as a build writes it: each family written straight from the model (FamilyExportWriter), joined.
        var parts = JobFamiliesExport.InFileOrder(catalog.Families, e => e.Family).Select(e => (ReadOnlyMemory<byte>)JobFamiliesExport.FragmentOf(e.Family, e.Versions)).ToList();
        Assert.Equal(JobFamiliesExport.SerializeToUtf8Bytes(export), JobFamiliesExport.Assemble(parts));

        var table = documents.Select(d => d.TryGet(JobFamilyKeys.GradeTable, out var t) ? t : null).OfType<GradeTable>().FirstOrDefault();
        var grades = table is null ? 0 : table.Grades.Count;
        if (table is not null)
        {
            var json = JobGradesJson.From(table);
            Assert.Equal(JsonSerializer.Serialize(json, ExportOracle) + "\n", ExportJson.Serialize(json));
        }

        AssertSameSearchIndex(SearchIndex.Build(catalog));
        return (export.Families.Count, grades);
    }

    private static void AssertSameExport(ExportRoot root)
    {
        var expected = JsonSerializer.Serialize(root, ExportOracle) + "\n";
        Assert.Equal(expected, JobFamiliesExport.Serialize(root));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), JobFamiliesExport.SerializeToUtf8Bytes(root));
    }

    private static void AssertSameSearchIndex(SearchIndexRoot root)
    {
        var expected = JsonSerializer.Serialize(root, SearchOracle) + "\n";
        Assert.Equal(expected, SearchIndex.Serialize(root));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), SearchIndex.SerializeToUtf8Bytes(root));
    }

    private static async Task<IReadOnlyList<Document>> DocumentsOfAsync(string input)
    {
        var request = new BuildRequest { InputFolder = input, OutputFolder = "unused", ThemeFolder = TestTheme.Folder, WriteOutput = false, History = false, KeepGoing = true };
        var site = SiteBuild.Compose(request, TestTheme.Instance, new SiteSettings());
        return (await site.RunAsync([])).Documents;
    }
}
