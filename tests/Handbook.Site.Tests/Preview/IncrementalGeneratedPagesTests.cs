namespace Handbook.Site.Tests.Preview;

using Handbook.Pipeline.Documents;
using Handbook.Site.Building;
using Handbook.Site.Tests.Support;

/// <summary>
/// The generated pages (section index, department and grade pages, 404) of an incremental run: when no recomputed
/// page changed what they show, they are the previous run's documents (their views are not even built); otherwise
/// they are built again. Either way the output folder is a full build's.
/// </summary>
public sealed class IncrementalGeneratedPagesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string AnalystPage = "job-families/security/security-analyst.md";

    private const string SectionIndex = "job-families/";

    [Fact]
    public async Task Given_a_prose_edit_When_rebuilt_Then_every_generated_page_is_the_previous_runs_and_the_output_equals_a_full_build()
    {
        await using var preview = await LivePreview.StartAsync();
        var before = GeneratedOf(preview.Session.Build.LastResult!.Documents);

        // When a sentence (no title, description, role or grade) changes
        await preview.EditAsync(AnalystPage, text =>
        {
            var heading = text.IndexOf("\n## ", StringComparison.Ordinal);
            return text[..heading] + "\nA sentence added by the test.\n" + text[heading..];
        });
        var report = await preview.WaitForBuildAsync(2, Patience);

        // Then the generated pages are the very documents of the previous run, and the output is a full build's
        Assert.True(report.WasIncremental, report.FullRebuildReason);
        var after = GeneratedOf(preview.Session.Build.LastResult!.Documents);
        Assert.NotEmpty(before);
        Assert.Equal(before.Count, after.Count);
        Assert.All(before.Zip(after), pair => Assert.Same(pair.First, pair.Second));
        await AssertOutputIsAFullBuildsAsync(preview);
    }

    [Fact]
    public async Task Given_a_title_edit_When_rebuilt_Then_the_section_index_is_built_again_with_it_and_the_output_equals_a_full_build()
    {
        await using var preview = await LivePreview.StartAsync();
        var before = SectionIndexOf(preview.Session.Build.LastResult!.Documents);

        await preview.EditAsync(AnalystPage, text => text.Replace("title: Security Analyst", "title: Security Analyst of Record", StringComparison.Ordinal));
        var report = await preview.WaitForBuildAsync(2, Patience);

        Assert.True(report.WasIncremental, report.FullRebuildReason);
        var now = SectionIndexOf(preview.Session.Build.LastResult!.Documents);
        Assert.NotSame(before, now);
        Assert.Contains("Security Analyst of Record", System.Text.Encoding.UTF8.GetString(now.ToOutputBytes()), StringComparison.Ordinal);
        await AssertOutputIsAFullBuildsAsync(preview);
    }

    [Fact]
    public async Task Given_a_role_name_edit_When_rebuilt_Then_the_grade_index_is_built_again_with_it_and_the_output_equals_a_full_build()
    {
        await using var preview = await LivePreview.StartAsync();
        var before = Assert.Single(preview.Session.Build.LastResult!.Documents, IsGradeIndex);

        await preview.EditAsync(AnalystPage, text => text.Replace("### Senior Security Analyst\n", "### Senior Security Analyst (Renamed)\n", StringComparison.Ordinal));
        var report = await preview.WaitForBuildAsync(2, Patience);

        Assert.True(report.WasIncremental, report.FullRebuildReason);
        var now = Assert.Single(preview.Session.Build.LastResult!.Documents, IsGradeIndex);
        Assert.NotSame(before, now);
        Assert.Contains("Senior Security Analyst (Renamed)", System.Text.Encoding.UTF8.GetString(now.ToOutputBytes()), StringComparison.Ordinal);
        await AssertOutputIsAFullBuildsAsync(preview);
    }

    private static bool IsGradeIndex(Document document) =>
        string.Equals(document.SourcePath, Handbook.Site.Theming.PageViews.GradeIndexUrl.Trim('/'), StringComparison.Ordinal);

    private static Document SectionIndexOf(IReadOnlyList<Document> documents) =>
        Assert.Single(documents, d => d.SourcePath == SectionIndex);

    // Generated pages have no input file: their source path is not a Markdown or ERB page of the input.
    private static List<Document> GeneratedOf(IReadOnlyList<Document> documents) =>
        documents.Where(d => d.SourcePath == SectionIndex || d.SourcePath == "404.html" || IsGradeIndex(d)).ToList();

    private static async Task AssertOutputIsAFullBuildsAsync(LivePreview preview)
    {
        using var full = new TempFolder();
        var fullReport = await SiteBuild.RunAsync(new BuildRequest { InputFolder = preview.InputFolder, OutputFolder = full["output"], ThemeFolder = preview.ThemeFolder, History = false });
        Assert.True(fullReport.OutputWritten);
        static Dictionary<string, byte[]> Read(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
        var want = Read(full["output"]);
        var have = Read(preview.OutputFolder);
        Assert.Equal(want.Keys.Order(StringComparer.Ordinal), have.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in want)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(have[path]), $"{path} differs from a full build's");
        }
    }
}
