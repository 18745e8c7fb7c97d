namespace Handbook.Site.Tests.Versions;

using System.Text.Json;
using Handbook.Pipeline.Documents;
using Handbook.Site.Versions;

/// <summary>
/// The historic renders read each distinct grade file once (<see cref="HistoricGradeTables"/>, issue 9) instead of in
/// every commit batch. The plugin's <c>ResolveGrades</c> in every batch (a <see cref="HistoricBuild"/> without tables)
/// is the oracle: the rendered versions must be the same, byte for byte.
/// </summary>
public class HistoricGradeTablesTests
{
    private const string GradeData = "data/job-grades.yml";

    [Fact]
    public async Task Given_the_sample_pages_When_rendered_with_the_shared_tables_Then_every_version_equals_the_per_batch_reading()
    {
        // Given every sample page and the sample grade data, and a second grade file that renames grade titles
        var pages = SampleHistoricBatch.Pages();
        var grades = SampleHistoricBatch.GradeData();
        var renamed = grades.Replace("title: \"Senior\"", "title: \"Senior (renamed)\"", StringComparison.Ordinal);
        Assert.NotEqual(grades, renamed);
        var tables = new HistoricGradeTables();

        foreach (var data in (string[])[grades, renamed, grades])
        {
            // When they are rendered with the build's shared tables and with the plugin's stage reading the file
            var shared = await Render(pages, data, tables);
            var oracle = await Render(pages, data, gradeTables: null);

            // Then each page's content is the same (the family view with its HTML, the model, the unknown grades)
            Assert.Equal(oracle.Keys.Order(StringComparer.Ordinal), shared.Keys.Order(StringComparer.Ordinal));
            Assert.NotEmpty(shared);
            foreach (var (path, content) in oracle)
            {
                Assert.Equal(JsonSerializer.Serialize(content), JsonSerializer.Serialize(shared[path]));
            }
        }

        // And the renamed title is shown where the sample uses grade 7's table title: the tables were not mixed up
        var withRenamed = await Render(pages, renamed, tables);
        Assert.Contains(withRenamed.Values, c => JsonSerializer.Serialize(c).Contains("Senior (renamed)", StringComparison.Ordinal));
        Assert.DoesNotContain((await Render(pages, grades, tables)).Values, c => JsonSerializer.Serialize(c).Contains("Senior (renamed)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_grade_text_gives_the_same_table_and_another_text_another()
    {
        var tables = new HistoricGradeTables();
        const string Yaml = "grades:\n- id: 7\n  title: \"Senior\"\n";

        Assert.Same(tables.Of(GradeData, Yaml), tables.Of(GradeData, string.Concat(Yaml.AsSpan(0, 4), Yaml.AsSpan(4))));
        Assert.NotSame(tables.Of(GradeData, Yaml), tables.Of(GradeData, Yaml.Replace("Senior", "Staff", StringComparison.Ordinal)));
        Assert.Equal("Senior", tables.Of(GradeData, Yaml).Find("7")!.Title);
    }

    private static Task<IReadOnlyDictionary<string, HistoricContent>> Render(List<Document> pages, string gradeData, HistoricGradeTables? gradeTables) =>
        SampleHistoricBatch.RenderAsync(SampleHistoricBatch.Build(gradeTables), pages, gradeData, maxDegreeOfParallelism: 2);
}
