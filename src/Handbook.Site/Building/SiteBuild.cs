namespace Handbook.Site.Building;

using System.Diagnostics;
using Handbook.JobFamilies;
using Handbook.Pipeline;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.IO;
using Handbook.Pipeline.Output;
using Handbook.Site.Catalog;
using Handbook.Site.Stages;
using Handbook.Site.Theming;

/// <summary>
/// The app: the engine's site with the job-families plugin between reading the input and the theme stages.
/// <see cref="Compose"/> is the whole stage list in one place; <see cref="RunAsync"/> runs it and counts the result.
/// </summary>
public static class SiteBuild
{
    // Theme assets are trusted and may be large (the vendored Mermaid bundle is about 5 MB).
    private static readonly ReadFilesOptions ThemeAssetOptions = new() { Binary = true, CopyToOutput = true, MaxFileBytes = 32 * 1024 * 1024 };

    public static Site Compose(BuildRequest request, Theme theme, SiteSettings settings)
    {
        var site = new Site();
        site.AddStage(new ReadFiles(request.InputFolder, InputFiles.Text, name: "ReadInput"));
        site.AddStage(new ReadFiles(request.InputFolder, InputFiles.Images, new ReadFilesOptions { Binary = true, CopyToOutput = true }, "ReadInputImages"));
        site.AddStage(new ReadFiles(theme.Directory, InputFiles.ThemeAssets, ThemeAssetOptions, "ReadThemeAssets"));
        // settings.yml is read once per build; later stages (and plugins) find it in the services.
        var fileSettings = new LoadedSiteSettings();
        site.Services.Add(fileSettings);
        site.AddStage(new ReadSiteSettings(request.InputFolder, fileSettings));
        site.AddJobFamilies(new JobFamiliesOptions());
        site.AddStage(new RenderTheme(theme, settings, fileSettings));
        site.AddStage(new WriteJobFamiliesExport());
        site.AddStage(new WriteJobGradesExport());
        site.AddStage(new WriteSitemap(settings));
        if (request.WriteOutput)
        {
            var writer = new OutputWriter(request.OutputFolder, new OutputWriterOptions { KeepGoing = request.KeepGoing, InputFolder = request.InputFolder });
            site.AddStage(new WriteOutput(writer));
        }

        return site;
    }

    public static async Task<BuildReport> RunAsync(BuildRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var themeDiagnostics = new DiagnosticBag();
        var theme = Theme.Load(request.ThemeFolder, themeDiagnostics);
        if (theme is null)
        {
            return new BuildReport(themeDiagnostics.Sorted(), 0, 0, OutputWritten: false, clock.Elapsed);
        }

        var settings = new SiteSettings { BaseUrl = request.BaseUrl };
        var result = await Compose(request, theme, settings).RunAsync([], cancellationToken).ConfigureAwait(false);

        var pages = result.Documents.Count(d => d.Metadata.Contains(SiteKeys.IsHtmlPage));
        var families = FamilyCatalog.From(result.Documents).Families.Count;
        var written = request.WriteOutput && (result.ErrorCount == 0 || request.KeepGoing);
        return new BuildReport(result.Diagnostics, pages, families, written, clock.Elapsed) { Timings = result.FormatTimings() };
    }
}
