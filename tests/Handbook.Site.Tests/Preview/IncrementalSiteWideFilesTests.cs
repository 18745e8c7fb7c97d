namespace Handbook.Site.Tests.Preview;

using Handbook.Pipeline.Documents;
using Handbook.Site.Building;
using Handbook.Site.Export;
using Handbook.Site.Search;
using Handbook.Site.Tests.Support;

/// <summary>
/// The site-wide files of an incremental run: a file whose content no recomputed page can have changed is the
/// previous run's document (not built again); otherwise it is built again. Either way its bytes are a full build's.
/// </summary>
public sealed class IncrementalSiteWideFilesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string AnalystPage = "job-families/security/security-analyst.md";

    [Fact]
    public async Task Given_a_prose_edit_When_rebuilt_Then_the_search_index_and_export_are_the_previous_runs_and_equal_a_full_builds()
    {
        await using var preview = await LivePreview.StartAsync();
        var first = SearchIndexOf(preview.Session.Build.LastResult!.Documents);
        var firstExport = ExportOf(preview.Session.Build.LastResult!.Documents);

        // When a sentence (no title, role or bullet) changes
        await preview.EditAsync(AnalystPage, text =>
        {
            var heading = text.IndexOf("\n## ", StringComparison.Ordinal);
            return text[..heading] + "\nA sentence added by the test.\n" + text[heading..];
        });
        var report = await preview.WaitForBuildAsync(2, Patience);

        // Then the index was not built again, and it is what a full build writes
        Assert.True(report.WasIncremental, report.FullRebuildReason);
        Assert.Same(first, SearchIndexOf(preview.Session.Build.LastResult!.Documents));
        Assert.Same(firstExport, ExportOf(preview.Session.Build.LastResult!.Documents));
        await AssertSearchIndexIsAFullBuildsAsync(preview);
    }

    [Fact]
    public async Task Given_a_bullet_edit_When_rebuilt_Then_the_search_index_and_export_are_built_again_with_it()
    {
        await using var preview = await LivePreview.StartAsync();
        var first = SearchIndexOf(preview.Session.Build.LastResult!.Documents);
        var firstExport = ExportOf(preview.Session.Build.LastResult!.Documents);

        await preview.EditAsync(AnalystPage, text => text.Replace("Calm under pressure", "Calm and kind under pressure", StringComparison.Ordinal));
        var report = await preview.WaitForBuildAsync(2, Patience);

        Assert.True(report.WasIncremental, report.FullRebuildReason);
        var now = SearchIndexOf(preview.Session.Build.LastResult!.Documents);
        Assert.NotSame(first, now);
        Assert.Contains("Calm and kind under pressure", System.Text.Encoding.UTF8.GetString(now.ToOutputBytes()), StringComparison.Ordinal);
        var export = ExportOf(preview.Session.Build.LastResult!.Documents);
        Assert.NotSame(firstExport, export);
        Assert.Contains("Calm and kind under pressure", System.Text.Encoding.UTF8.GetString(export.ToOutputBytes()), StringComparison.Ordinal);
        await AssertSearchIndexIsAFullBuildsAsync(preview);
    }

    private static Document SearchIndexOf(IReadOnlyList<Document> documents) =>
        Assert.Single(documents, d => d.SourcePath == SearchIndex.OutputPath);

    private static Document ExportOf(IReadOnlyList<Document> documents) =>
        Assert.Single(documents, d => d.SourcePath == JobFamiliesExport.OutputPath);

    private static async Task AssertSearchIndexIsAFullBuildsAsync(LivePreview preview)
    {
        using var full = new TempFolder();
        await SiteBuild.RunAsync(new BuildRequest { InputFolder = preview.InputFolder, OutputFolder = full["output"], ThemeFolder = preview.ThemeFolder, History = false });
        foreach (var file in new[] { SearchIndex.OutputPath, JobFamiliesExport.OutputPath })
        {
            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Combine(full["output"], file)),
                await File.ReadAllBytesAsync(Path.Combine(preview.OutputFolder, file)));
        }
    }
}
